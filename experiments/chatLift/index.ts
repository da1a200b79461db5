export { type ChatLift, chatLiftExplanation, formatLiftPoints, type Lift } from "./liftWording.ts";
export { type ChatLiftRun, lift, type MeasureChatLiftOptions, measureChatLift } from "./measureChatLift.ts";
export { withoutChatDesk } from "./withoutChatDesk.ts";
