import { describe, expect, it } from "vitest";
import type { StoreScenario } from "../scenario/index.ts";
import { planChatParameters } from "./chatParameters.ts";
import { type ChatCounts, emptyChatCounts } from "./observedChat.ts";
import { fastBaselineData, loadData } from "./testFunnel.ts";

const scenario = loadData(fastBaselineData()).scenario as StoreScenario;
const counts = (values: Partial<ChatCounts>): ChatCounts => ({ ...emptyChatCounts(), ...values });
const full = {
  sessions: 50_000,
  orders: 1500,
  invitationsShown: 2000,
  invitationsAccepted: 400,
  chatRequests: 900,
  chatsServed: 800,
  chatsAbandoned: 100,
  sessionsWithChat: 760,
  ordersWithChat: 200,
};

describe("planChatParameters", () => {
  it("planChatParameters(all chat counts, no holdout) fits the four groups and says the rescue effect is confounded with self-selection", () => {
    const plan = planChatParameters(scenario, counts(full));
    expect(plan.parameters.map((parameter) => [parameter.name, parameter.chatTarget])).toEqual([
      ["invitation acceptance", "acceptance"],
      ["help requests", "reactiveRequests"],
      ["queue patience", "queueAbandonment"],
      ["rescue", "chatConversion"],
    ]);
    // Patience is scaled through its distribution's scale keys, divided by the factor.
    expect(plan.parameters[2].values.map((value) => [value.path.join("."), value.inverse])).toEqual(
      [0, 1, 2].map((i) => [`segments.${i}.patienceSeconds.mean`, true]),
    );
    expect(plan.parameters[3].values.map((value) => value.path[2])).toEqual(Object.keys(scenario.chat.rescueProbability));
    const rescue = plan.identifiability.find((entry) => entry.parameter === "rescue")!;
    expect(rescue.note).toMatch(/^rescue: without a holdout the rescue effect is confounded with self-selection/);
    expect(plan.fixed).toEqual([]);
  });

  it("planChatParameters(with a holdout) says the causal lift is identified and gives it with its interval", () => {
    const plan = planChatParameters(scenario, counts({ ...full, holdoutSessions: 5000, holdoutOrders: 130 }));
    const rescue = plan.identifiability.find((entry) => entry.parameter === "rescue")!;
    expect(rescue.note).toMatch(
      /^rescue: with a holdout the causal lift is identified: chat users buy -?\d+\.\d points more because of chat \(95% CI -?\d+\.\d to -?\d+\.\d\)/,
    );
  });

  it("planChatParameters keeps what the data cannot identify and says why: no invitations, no abandoned chat, no chat session rows", () => {
    const plan = planChatParameters(scenario, counts({ sessions: 50_000, orders: 1500, chatRequests: 300, chatsServed: 300, chatsAbandoned: 0 }));
    expect(plan.parameters.map((parameter) => parameter.name)).toEqual(["help requests"]);
    expect(plan.fixed.map((entry) => entry.path)).toEqual(["segments[*].chatOpenness", "segments[*].patienceSeconds", "chat.rescueProbability.*"]);
    const notes = plan.identifiability.filter((entry) => !entry.identified).map((entry) => entry.note);
    expect(notes).toEqual([
      expect.stringMatching(/^invitation acceptance: not identified, the data has no invitations shown/),
      "queue patience: not identified, no chat was abandoned, so the data only bounds patience from below",
      expect.stringMatching(/^rescue: not identified, the data has no sessionsWithChat and ordersWithChat rows$/),
    ]);
  });
});
