/** Sessions of a protocol run unless told (CLI); tests and the bench pass their own. */
export const DEFAULT_PROTOCOL_SESSIONS = 1000;
