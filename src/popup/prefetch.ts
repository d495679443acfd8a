// Classic script run by popup/index.html before the popup's bundle: see first-page.ts.
import { prefetchFirstPage } from './first-page';

const scope = globalThis as { browser?: unknown; chrome?: unknown };
prefetchFirstPage((scope.browser ?? scope.chrome) as Parameters<typeof prefetchFirstPage>[0]);
