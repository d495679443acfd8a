/**
 * The content script's share of each main-thread task, from a Chrome trace (CDP `Tracing`). Content scripts run in
 * an isolated world that long-task and long-animation-frame entries do not attribute, but the trace's
 * `FunctionCall` / `EvaluateScript` events carry the script's URL, and every event carries wall time (`dur`) and
 * the thread's own CPU time (`tdur`, untouched when the OS schedules the thread out on a busy machine).
 * The microtask checkpoint of a task that called into content.js (promise continuations: classify replies) is
 * counted as ours too: the 5,000-comment page runs no script of its own; on the virtualized list a checkpoint may
 * hold a little of the page's rendering script as well, which errs on the side of counting more as ours.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TaskShare {
  /** The whole task (ours and the browser's: parsing, style, layout), wall ms and thread CPU ms. */
  taskMs: number;
  taskThreadMs: number;
  /** Our script inside it: wall ms and thread CPU ms. */
  ownMs: number;
  ownThreadMs: number;
}

export interface OwnWork {
  /** Tasks in which content.js ran, and every task over `longTaskMs` (ownMs 0 when it ran none of ours). */
  tasks: TaskShare[];
  ownMs: number;
  ownThreadMs: number;
  /**
   * Thread CPU of the browser's IntersectionObserver computations (not script, so not in `own*`): the bench pages
   * observe nothing themselves, so this is the cost of our near-view observer for chips.
   */
  intersectionThreadMs: number;
}

const categories = ['toplevel', 'devtools.timeline', '__metadata'];
const longTaskMs = 50;

/** Traces the page's renderer while `run` executes and returns our share of each task on its main thread. */
export async function traceOwnWork(page: Page, run: () => Promise<void>, script = '/content.js'): Promise<OwnWork> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return attribute(events, script);
}

function attribute(events: TraceEvent[], script: string): OwnWork {
  const isOurs = (event: TraceEvent) =>
    (event.name === 'FunctionCall' || event.name === 'EvaluateScript') && !!event.args?.data?.url?.endsWith(script);
  const first = events.find(isOurs);
  if (!first) return { tasks: [], ownMs: 0, ownThreadMs: 0, intersectionThreadMs: 0 };
  const thread = events.filter((event) => event.pid === first.pid && event.tid === first.tid && event.ph === 'X');
  thread.sort((a, b) => a.ts - b.ts);
  const tasks: TaskShare[] = [];
  for (let index = 0; index < thread.length; index++) {
    const task = thread[index] as TraceEvent;
    if (task.name !== 'ThreadControllerImpl::RunTask' && task.name !== 'RunTask') continue;
    const end = task.ts + (task.dur ?? 0);
    const inside: TraceEvent[] = [];
    for (let next = index + 1; next < thread.length && (thread[next] as TraceEvent).ts < end; next++)
      inside.push(thread[next] as TraceEvent);
    const ours = inside.filter(isOurs);
    if (ours.length === 0 && (task.dur ?? 0) <= longTaskMs * 1000) continue;
    if (ours.length > 0)
      ours.push(...inside.filter((event) => event.name === 'BlinkScheduler_PerformMicrotaskCheckpoint'));
    tasks.push({
      taskMs: (task.dur ?? 0) / 1000,
      taskThreadMs: (task.tdur ?? 0) / 1000,
      ownMs: union(ours.map((event) => [event.ts, event.ts + (event.dur ?? 0)])) / 1000,
      ownThreadMs:
        union(ours.flatMap((event) => (event.tts === undefined ? [] : [[event.tts, event.tts + (event.tdur ?? 0)]]))) /
        1000,
    });
  }
  const sum = (pick: (task: TaskShare) => number) => tasks.reduce((total, task) => total + pick(task), 0);
  const intersections = thread.filter((event) => event.name === 'IntersectionObserverController::computeIntersections');
  return {
    tasks,
    ownMs: sum((task) => task.ownMs),
    ownThreadMs: sum((task) => task.ownThreadMs),
    intersectionThreadMs: intersections.reduce((total, event) => total + (event.tdur ?? 0), 0) / 1000,
  };
}

/** Total length of the union of intervals (nested events are counted once). */
function union(intervals: [number, number][]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [from, to] of intervals) {
    if (from > end) {
      if (end > start) total += end - start;
      [start, end] = [from, to];
    } else end = Math.max(end, to);
  }
  if (end > start) total += end - start;
  return total;
}

/** The task with the largest share of ours, and the tasks over `limitMs`: how long, how much CPU, how much ours. */
export function summarize(work: OwnWork, limitMs = longTaskMs) {
  const longest = work.tasks.reduce<TaskShare | undefined>(
    (best, task) => (!best || task.ownMs > best.ownMs ? task : best),
    undefined,
  );
  const over = work.tasks.filter((task) => task.taskMs > limitMs);
  const max = (pick: (task: TaskShare) => number) => Math.max(0, ...over.map(pick));
  return {
    longestOwnMs: longest?.ownMs ?? 0,
    longestOwnThreadMs: longest?.ownThreadMs ?? 0,
    tasksOver: over.length,
    longestOverMs: max((task) => task.taskMs),
    maxThreadOfOverMs: max((task) => task.taskThreadMs),
    ownInTasksOverMs: max((task) => task.ownMs),
  };
}
