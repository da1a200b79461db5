/** Most worlds (parameter draws) one decision may run: past it a run is refused before anything starts. */
export const MAX_WORLDS = 1000;
