// Which scalar functions of the analyzer's catalogue the executor evaluates: all but a short, deliberate list.
import { describe, expect, it } from 'vitest';
import { functionNames, lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import { compileCall } from '../../../../src/exec/expr/call.js';
import { zoneRules } from '../../../../src/exec/kernels/time-zone.js';
import { T } from '../../../../src/types/data-type.js';
import { SqlError } from '../../../../src/common/errors.js';

// No partition index reaches an expression (ExecContext has none), so these cannot be computed as Spark does.
const UNSUPPORTED = ['monotonically_increasing_id', 'spark_partition_id'];

describe('the function catalogue', () => {
  it('has a kernel for every scalar function but the listed ones', () => {
    const scalar = [...new Set(functionNames().map((n) => lookupFunction(n)!).filter((d) => d.kind === 'scalar').map((d) => d.name))];
    const env = { zone: zoneRules('UTC')!, zoneId: 'UTC', nowMicros: 0 };
    const missing = scalar.filter((name) => {
      try {
        compileCall(name, [], T.null, env);
        return false;
      } catch (e) {
        // Kernels may reject an empty argument list; only the missing-kernel error counts.
        return e instanceof SqlError && e.code === 'EXEC_UNSUPPORTED_FUNCTION' && e.message.includes(`\`${name}\``);
      }
    });
    expect(missing.sort()).toEqual(UNSUPPORTED);
    expect(scalar.length).toBeGreaterThan(130);
  });
});
