/** Bump when any label can change for the same input (lexicons, rules, thresholds), so stored labels can be re-run. */
export const CLASSIFIER_VERSION = '1.2.0';
