/**
 * The thresholds that decide what an analyst is shown, defined once: the services apply them,
 * the contract's input schemas default to them, the CLI prints them, and the renderer learns
 * them from the connection status (it may not import main's values).
 */

/** The score at or above which a same-person candidate is proposed for review. */
export const DEFAULT_MATCH_THRESHOLD = 0.8;

/** The number of records from which an identifier is flagged as a hub (a call centre, a shelter's address). */
export const DEFAULT_HUB_THRESHOLD = 25;
