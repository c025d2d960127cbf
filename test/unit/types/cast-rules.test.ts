// Which casts non-ANSI Spark allows explicitly (CAST) and implicitly (to fit an argument), and which may give NULL.
import { describe, expect, it } from 'vitest';
import { A, canCast, canImplicitCast, forceNullable, implicitCast } from '../../../src/types/cast-rules.js';
import type { ExpectedType } from '../../../src/types/cast-rules.js';
import { show, ty } from './type-text.js';

describe('canCast', () => {
  it.each<[string, string, boolean]>([
    ['int', 'string', true],
    ['array<int>', 'string', true],
    ['interval', 'string', true],
    ['string', 'int', true],
    ['string', 'boolean', true],
    ['string', 'interval', true],
    ['date', 'int', true],
    ['int', 'date', false],
    ['boolean', 'date', false],
    ['timestamp', 'date', true],
    ['timestamp_ntz', 'timestamp', true],
    ['timestamp_ntz', 'int', false],
    ['boolean', 'timestamp', true],
    ['double', 'timestamp', true],
    ['int', 'binary', true],
    ['double', 'binary', false],
    ['int', 'interval', false],
    ['void', 'map<int,int>', true],
    ['array<string>', 'array<int>', true],
    ['array<string!>', 'array<int!>', false],
    ['array<int!>', 'array<bigint!>', true],
    ['array<int>', 'array<int!>', false],
    ['map<int,int>', 'map<bigint,int>', true],
    ['map<string,int>', 'map<int,int>', false],
    ['struct<a:int,b:string>', 'struct<x:bigint,y:string>', true],
    ['struct<a:int>', 'struct<a:int,b:int>', false],
    ['struct<a:string>', 'struct<a:int!>', false],
  ])('CAST(%s AS %s): %s', (from, to, expected) => {
    expect(canCast(ty(from), ty(to))).toBe(expected);
  });
});

describe('canImplicitCast', () => {
  it.each<[string, string, boolean]>([
    ['bigint', 'int', true],
    ['decimal(10,2)', 'tinyint', true],
    ['string', 'int', true],
    ['string', 'date', true],
    ['string', 'binary', true],
    ['binary', 'string', true],
    ['boolean', 'string', true],
    ['date', 'timestamp', true],
    ['timestamp', 'date', true],
    ['void', 'struct<a:int>', true],
    ['string', 'boolean', false],
    ['int', 'boolean', false],
    ['boolean', 'int', false],
    ['interval', 'string', false],
    ['int', 'date', false],
    ['array<int>', 'array<string>', true],
    ['array<string!>', 'array<int!>', false],
    ['map<int,int>', 'map<bigint,string>', true],
    ['map<string,int>', 'map<int,int>', false],
    ['struct<a:int>', 'struct<b:bigint>', true],
    ['struct<a:int>', 'struct<a:int,b:int>', false],
  ])('%s to %s: %s', (from, to, expected) => {
    expect(canImplicitCast(ty(from), ty(to))).toBe(expected);
  });
});

describe('implicitCast to abstract types', () => {
  it.each<[string, ExpectedType, string]>([
    ['string', A.numeric, 'double'],
    ['void', A.numeric, 'double'],
    ['boolean', A.numeric, 'undefined'],
    ['int', A.decimal, 'decimal(10,0)'],
    ['double', A.decimal, 'decimal(30,15)'],
    ['string', A.decimal, 'decimal(38,18)'],
    ['double', A.integral, 'undefined'],
    ['date', A.anyTimestamp, 'timestamp'],
    ['timestamp_ntz', A.anyTimestamp, 'timestamp_ntz'],
    ['int', A.oneOf(ty('string'), ty('binary')), 'string'],
    ['binary', A.oneOf(ty('string'), ty('binary')), 'binary'],
    ['void', A.oneOf(ty('double'), ty('float')), 'double'],
    ['array<int>', A.arrayOf(ty('string')), 'array<string>'],
    ['map<int,int>', A.any, 'map<int,int>'],
  ])('%s to %o: %s', (from, expected, result) => {
    expect(show(implicitCast(ty(from), expected))).toBe(result);
  });
});

describe('forceNullable', () => {
  it.each<[string, string, boolean]>([
    ['string', 'int', true],
    ['string', 'binary', false],
    ['int', 'bigint', false],
    ['bigint', 'int', false],
    ['double', 'int', true],
    ['int', 'decimal(5,0)', true],
    ['int', 'decimal(10,0)', false],
    ['decimal(10,2)', 'decimal(12,2)', false],
    ['decimal(10,2)', 'decimal(8,2)', true],
    ['date', 'int', true],
    ['timestamp', 'date', false],
    ['date', 'timestamp', false],
    ['int', 'string', false],
    ['void', 'int', false],
  ])('%s to %s: %s', (from, to, expected) => {
    expect(forceNullable(ty(from), ty(to))).toBe(expected);
  });
});
