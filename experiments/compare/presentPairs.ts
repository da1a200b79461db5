/** Paired values with the replications where either side had no value left out, and how many were. */
export interface PresentPairs {
  treatment: number[];
  control: number[];
  /** Replications where the treatment had no value (whatever the control had). */
  missingInTreatment: number;
  /** Replications where the control had no value (whatever the treatment had). */
  missingInControl: number;
  /** Replications dropped: at least one side missing. */
  droppedPairs: number;
}

/**
 * Keeps the replications where both sides have a value. A KPI that does not exist in a run (the
 * answered-chat wait of a desk that answered nothing) is missing, not 0: counting it as 0 would
 * report a desk with no agents as the fastest one.
 *
 * @example
 * presentPairs([3, null, 5], [1, 2, null]) // {treatment: [3], control: [1], missingInTreatment: 1, missingInControl: 1, droppedPairs: 2}
 */
export function presentPairs(treatment: readonly (number | null)[], control: readonly (number | null)[]): PresentPairs {
  if (treatment.length !== control.length)
    throw new RangeError(`invalid paired samples: ${treatment.length} and ${control.length} values (must be equally many)`);
  const pairs: PresentPairs = { treatment: [], control: [], missingInTreatment: 0, missingInControl: 0, droppedPairs: 0 };
  treatment.forEach((value, r) => {
    const base = control[r];
    if (value === null) pairs.missingInTreatment++;
    if (base === null) pairs.missingInControl++;
    if (value === null || base === null) pairs.droppedPairs++;
    else {
      pairs.treatment.push(value);
      pairs.control.push(base);
    }
  });
  return pairs;
}
