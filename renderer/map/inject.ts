import { inject, provide, type InjectionKey, type ShallowRef } from 'vue';
import type { MapController } from './controller';

const MAP_KEY: InjectionKey<ShallowRef<MapController | null>> = Symbol('map-controller');

/** Shares the one map controller with panels below the map view, outside reactivity (a raw object in a shallow ref). */
export function provideMap(controller: ShallowRef<MapController | null>): void {
  provide(MAP_KEY, controller);
}

export function useMap(): ShallowRef<MapController | null> | undefined {
  return inject(MAP_KEY, undefined);
}
