/**
 * Main-thread long tasks in a Chromium page, for the benches that say "no task over 100 ms": an
 * observer script to add before the page loads, and the tasks that overlap a measured span.
 */
import type { Page } from 'playwright-core';

/** Add with `page.addInitScript(LONG_TASKS)`: records every long task as [start, end], page ms. */
export const LONG_TASKS = `(() => {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask', buffered: true });
})()`;

/** The main-thread long tasks overlapping `span`: [start after the span's start, duration], ms. */
export async function tasksIn(page: Page, span: { start: number; end: number }): Promise<[number, number][]> {
  return page.evaluate(
    ({ start, end }) =>
      ((globalThis as unknown as { __longTasks: [number, number][] }).__longTasks ?? [])
        .filter(([s, e]) => e > start && s < end)
        .map(([s, e]): [number, number] => [Math.round(s - start), Math.round(e - s)]),
    span,
  );
}

export const longest = (tasks: readonly [number, number][]): number => Math.max(0, ...tasks.map((t) => t[1]));

export const listed = (tasks: readonly [number, number][]): string =>
  tasks.length === 0 ? 'none' : tasks.map(([at, ms]) => `${ms} ms at +${at} ms`).join(', ');
