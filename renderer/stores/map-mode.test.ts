import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useMapUiStore } from './map-ui';
import { usePlacementStore } from './placement';
import { cursorFor, leaveMode, SELECT_MODE } from '../map/modes';

describe('what a click on the map does', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('selects until a gesture enters its mode, and selects again once it leaves', () => {
    const ui = useMapUiStore();
    const placement = usePlacementStore();
    expect(ui.mode).toEqual({ kind: 'select' });
    expect(placement.placing).toBe(false);
    placement.start();
    expect(ui.mode).toEqual({ kind: 'place' });
    expect(placement.placing).toBe(true);
    placement.cancel();
    expect(ui.mode).toEqual({ kind: 'select' });
    expect(placement.placing).toBe(false);
  });

  it('leaves only the mode that is current: cancelling a placement does not end another gesture', () => {
    const ui = useMapUiStore();
    ui.enterMode({ kind: 'view' });
    usePlacementStore().cancel();
    expect(ui.mode).toEqual({ kind: 'view' });
    ui.leaveMode('view');
    expect(ui.mode).toEqual({ kind: 'select' });
  });

  it('keeps the selection when placing starts; the command clears it, as before', () => {
    const ui = useMapUiStore();
    ui.select({ kind: 'grid', id: '321000000001' });
    usePlacementStore().start();
    expect(ui.selection).toEqual({ kind: 'grid', id: '321000000001' });
  });

  it('shows a crosshair while placing, a pointer over something pickable otherwise', () => {
    expect(cursorFor({ kind: 'place' }, false)).toBe('crosshair');
    expect(cursorFor({ kind: 'place' }, true)).toBe('crosshair');
    expect(cursorFor(SELECT_MODE, true)).toBe('pointer');
    expect(cursorFor(SELECT_MODE, false)).toBe('');
    expect(cursorFor({ kind: 'view' }, true)).toBe('pointer');
    expect(leaveMode({ kind: 'place' }, 'place')).toEqual(SELECT_MODE);
    expect(leaveMode({ kind: 'place' }, 'view')).toEqual({ kind: 'place' });
  });
});
