/** A message tree with every text widened to `string`: the shape another language must fill. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
