/** Whether this window is the display wall: the app opened with `?view=wall` (shared/ipc WALL_VIEW_QUERY). */
export function isWallWindow(): boolean {
  return new URLSearchParams(window.location.search).get('view') === 'wall';
}
