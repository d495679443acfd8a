/** Rows per request in the popup's lists. */
export const pageSize = 50;
