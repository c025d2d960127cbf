// fast-check properties of the coercion rules over generated types, nested arrays, maps and structs included.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { T, isOrderable, sameType } from '../../../src/types/data-type.js';
import type { DataType } from '../../../src/types/data-type.js';
import { canCast, canImplicitCast, implicitCast } from '../../../src/types/cast-rules.js';
import { comparisonType, tightestCommonType, widerType, widerTypeWithoutStringPromotion } from '../../../src/types/coercion.js';
import type { ComparisonOperator } from '../../../src/types/coercion.js';

const scalars: fc.Arbitrary<DataType> = fc.oneof(
  fc.constantFrom<DataType>(
    T.null,
    T.boolean,
    T.tinyint,
    T.smallint,
    T.int,
    T.bigint,
    T.float,
    T.double,
    T.string,
    T.binary,
    T.date,
    T.timestamp,
    T.timestamp_ntz,
    T.interval,
  ),
  fc.integer({ min: 1, max: 38 }).chain((p) => fc.integer({ min: 0, max: p }).map((s): DataType => ({ kind: 'decimal', precision: p, scale: s }))),
);

// Struct field names come from a small lower-case pool so that two structs often line up: Spark keeps the left
// side's spelling when names differ only in case, the one way widerType is not commutative.
const { type: types } = fc.letrec<{ type: DataType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalars,
    fc.record({ element: tie('type'), containsNull: fc.boolean() }).map((r): DataType => ({ kind: 'array', ...r })),
    fc.record({ key: scalars, value: tie('type'), valueContainsNull: fc.boolean() }).map((r): DataType => ({ kind: 'map', ...r })),
    fc
      .uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c'), type: tie('type'), nullable: fc.boolean() }), {
        minLength: 1,
        maxLength: 3,
        selector: (f) => f.name,
      })
      .map((fields): DataType => ({ kind: 'struct', fields })),
  ),
}));

// Pairs that are often related, so that the interesting (defined) cases are common.
const pairs: fc.Arbitrary<[DataType, DataType]> = fc.oneof(
  fc.tuple(types, types),
  fc.tuple(scalars, scalars),
  scalars.chain((s) => fc.tuple(scalars, fc.boolean()).map(([t, c]): [DataType, DataType] => [
    { kind: 'array', element: s, containsNull: c },
    { kind: 'array', element: t, containsNull: !c },
  ])),
);

const operators = fc.constantFrom<ComparisonOperator>('=', '<>', '<', '<=', '>', '>=', '<=>');

const same = (a: DataType | undefined, b: DataType | undefined): boolean =>
  a === undefined || b === undefined ? a === b : sameType(a, b);

describe('widerType', () => {
  it('is commutative', () => {
    fc.assert(fc.property(pairs, ([a, b]) => same(widerType(a, b), widerType(b, a))));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(types, (a) => same(widerType(a, a), a)));
  });

  it('is wider than or equal to both inputs: each casts implicitly into it', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const w = widerType(a, b);
        return w === undefined || (canImplicitCast(a, w) && canImplicitCast(b, w));
      }),
    );
  });

  it('agrees with the tightest common type where that exists', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const tight = tightestCommonType(a, b);
        return tight === undefined || same(widerType(a, b), tight);
      }),
    );
  });

  it('without string promotion is commutative and never invents a string', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const w = widerTypeWithoutStringPromotion(a, b);
        const invented = w?.kind === 'string' && a.kind !== 'string' && b.kind !== 'string';
        return same(w, widerTypeWithoutStringPromotion(b, a)) && !invented;
      }),
    );
  });
});

describe('comparisonType', () => {
  it('is symmetric', () => {
    fc.assert(fc.property(operators, pairs, (op, [a, b]) => same(comparisonType(op, a, b), comparisonType(op, b, a))));
  });

  it('compares a type with itself as itself, unless it cannot be ordered', () => {
    fc.assert(fc.property(operators, types, (op, a) => same(comparisonType(op, a, a), isOrderable(a) ? a : undefined)));
  });

  it('gives a type both sides can be cast to', () => {
    fc.assert(
      fc.property(operators, pairs, (op, [a, b]) => {
        const c = comparisonType(op, a, b);
        return c === undefined || (canCast(a, c) && canCast(b, c));
      }),
    );
  });
});

describe('casts', () => {
  it('every type casts to itself, implicitly and explicitly', () => {
    fc.assert(fc.property(types, (a) => canImplicitCast(a, a) && canCast(a, a)));
  });

  it('the type an implicit cast gives is also reachable by an explicit one', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const cast = implicitCast(a, b);
        return cast === undefined || canCast(a, cast);
      }),
    );
  });
});
