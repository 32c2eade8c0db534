export {
  DEFAULT_PLACE_LIMIT,
  PLACE_KINDS,
  buildGazetteer,
  searchPlaces,
  subsequenceSpan,
  type Gazetteer,
  type GazetteerTownship,
  type MatchKind,
  type Place,
  type PlaceKind,
  type PlaceResult,
} from './gazetteer';
export { digitsOnly, foldPlaceText } from './normalize';
export { labelOrInside, lineMidpoint, pointInsideArea } from './representative-point';
