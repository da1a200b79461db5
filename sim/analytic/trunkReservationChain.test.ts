// The exact trunk-reservation chain against closed forms it must reproduce: the loss system's product
// form without a queue, and M/M/c/K (Erlang B without a queue) with one class only.

import { describe, expect, it } from "vitest";
import { erlangB } from "./erlangB.ts";
import { mmck } from "./mmck.ts";
import { trunkReservationFigures } from "./trunkReservationChain.ts";

describe("trunkReservationFigures (the exact chain)", () => {
  it("without a queue it is the loss system's product form: p(n) ∝ Π birth ÷ Π death, standard chats born only below S − r", () => {
    const desk = {
      slots: 6,
      reservedSlots: 2,
      highRatePerSecond: 2 / 180,
      standardRatePerSecond: 3 / 180,
      meanHandleSeconds: 180,
      meanPatienceSeconds: Infinity,
      queueCap: 0,
    };
    const weights = [1];
    for (let n = 1; n <= 6; n++) weights.push((weights[n - 1] * (n <= 4 ? 5 : 2)) / n);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const exact = trunkReservationFigures(desk);
    expect(exact.highValue.probabilityOfBlock).toBeCloseTo(weights[6] / total, 12);
    expect(exact.standard.probabilityOfBlock).toBeCloseTo((weights[4] + weights[5] + weights[6]) / total, 12);
    expect(exact.standard.probabilityOfWait).toBe(0);
  });

  it("with no standard chats it is M/M/c/K for the high-value ones (Erlang B without a queue)", () => {
    const exact = trunkReservationFigures({
      slots: 4,
      reservedSlots: 1,
      highRatePerSecond: 3.5 / 180,
      standardRatePerSecond: 0,
      meanHandleSeconds: 180,
      meanPatienceSeconds: Infinity,
      queueCap: 5,
    });
    const queue = mmck({ arrivalRatePerSecond: 3.5 / 180, meanServiceSeconds: 180, servers: 4, capacity: 9 });
    expect(exact.highValue.probabilityOfBlock).toBeCloseTo(queue.probabilityOfBlocking, 12);
    expect(exact.highValue.meanWaitSeconds).toBeCloseTo(queue.meanWaitSeconds, 9);
    // High-value chats alone see S slots: Erlang B when nothing may queue.
    const loss = trunkReservationFigures({
      slots: 4,
      reservedSlots: 1,
      highRatePerSecond: 3.5 / 180,
      standardRatePerSecond: 0,
      meanHandleSeconds: 180,
      meanPatienceSeconds: Infinity,
      queueCap: 0,
    });
    expect(loss.highValue.probabilityOfBlock).toBeCloseTo(erlangB(4, 3.5), 12);
  });
});

describe("trunkReservationFigures (bad input)", () => {
  const desk = {
    slots: 6,
    reservedSlots: 2,
    highRatePerSecond: 2 / 180,
    standardRatePerSecond: 3 / 180,
    meanHandleSeconds: 180,
    meanPatienceSeconds: 120,
    queueCap: 6,
  };

  it("rejects a desk the chain does not describe with one house-format line", () => {
    expect(() => trunkReservationFigures({ ...desk, reservedSlots: 0 })).toThrow(/^invalid reservedSlots: 0 \(must be an integer >= 1\)$/);
    expect(() => trunkReservationFigures({ ...desk, reservedSlots: 6 })).toThrow(/^invalid reservedSlots: 6 \(must be below slots, 6\)$/);
    expect(() => trunkReservationFigures({ ...desk, queueCap: -1 })).toThrow(/^invalid queueCap: -1 /);
    expect(() => trunkReservationFigures({ ...desk, meanPatienceSeconds: 0 })).toThrow(/^invalid meanPatienceSeconds: 0 /);
  });
});
