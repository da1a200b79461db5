export {
  type ChatLift,
  type ChatLiftRun,
  chatLiftExplanation,
  formatLiftPoints,
  type Lift,
  lift,
  type MeasureChatLiftOptions,
  measureChatLift,
} from "./measureChatLift.ts";
export { withoutChatDesk } from "./withoutChatDesk.ts";
