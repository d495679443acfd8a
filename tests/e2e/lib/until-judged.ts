import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type MarkedMessage, readMarkedMessages } from './marked-messages';

/** Waits until every marked message is judged and `accept` holds; returns the last reading. */
export async function untilJudged(
  page: Page,
  accept: (rows: MarkedMessage[]) => boolean,
  timeout = 15_000,
): Promise<MarkedMessage[]> {
  let rows: MarkedMessage[] = [];
  await expect
    .poll(
      async () => {
        rows = await page.evaluate(readMarkedMessages);
        return rows.length > 0 && rows.every((row) => row.judged) && accept(rows);
      },
      { timeout },
    )
    .toBe(true);
  return rows;
}
