export { measureChatLift, lift, type ChatLift, type ChatLiftRun, type Lift, type MeasureChatLiftOptions } from "./measureChatLift.ts";
export { withoutChatDesk } from "./withoutChatDesk.ts";
