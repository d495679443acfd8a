/** Rows per request in the popup's lists. */
export const pageSize = 50;
/** Rows in the first answer from the top: more than the popup shows at once, so they paint before the rest arrive. */
export const firstRows = 10;
