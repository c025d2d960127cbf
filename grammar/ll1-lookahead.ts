// Chevrotain lookahead from FIRST sets: with one token of lookahead, the same decisions as chevrotain's own LL(k)
// analysis, at a fraction of its start-up cost (which dominated building the parser).
import {
  Alternation,
  Alternative,
  LLkLookaheadStrategy,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  type IOrAlt,
  type IProduction,
  type IToken,
  type OptionalProductionType,
  type Rule,
  type TokenType,
} from 'chevrotain';

/** What one token of lookahead sees of a production: the token types it can start with, and whether it can be empty. */
interface First {
  readonly tokens: ReadonlySet<TokenType>;
  readonly nullable: boolean;
}

/** The parser, as the lookahead functions use it (they run with the parser as `this`). */
interface Lookahead {
  LA(howMuch: number): IToken;
}

type Decision =
  | Alternation
  | Option
  | Repetition
  | RepetitionMandatory
  | RepetitionMandatoryWithSeparator
  | RepetitionWithSeparator;

/**
 * Chevrotain decides an OR by taking the first alternative one of whose lookahead paths matches (an empty path, from
 * an alternative that can match nothing, matches anything), and enters an optional production when one of its
 * paths matches. At k = 1 the paths are the FIRST sets; this computes them directly, memoised per rule, instead of
 * enumerating paths and the rest of each rule. Grammar validation is inherited unchanged.
 */
export class Ll1LookaheadStrategy extends LLkLookaheadStrategy {
  private readonly ruleFirsts = new Map<Rule, First>();
  private readonly decisions = new Map<string, Decision>();

  constructor() {
    super({ maxLookahead: 1 });
  }

  override initialize(options: { rules: Rule[] }): void {
    for (const rule of options.rules) this.collectDecisions(rule, rule.definition);
  }

  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    hasPredicates: boolean;
  }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alternation = this.decision(options.rule, 'Alternation', options.prodOccurrence) as Alternation;
    const alternatives = alternation.definition.map((alt) => this.first((alt as Alternative).definition));
    if (options.hasPredicates) {
      const tables = alternatives.map((alt) => matchTable(alt.tokens));
      return function (this: Lookahead, orAlts?: IOrAlt<unknown>[]): number | undefined {
        const next = this.LA(1).tokenTypeIdx;
        for (let i = 0; i < alternatives.length; i++) {
          const gate = orAlts?.[i]?.GATE;
          if (gate !== undefined && !gate.call(this)) continue;
          if (alternatives[i]!.nullable || tables[i]![next] === true) return i;
        }
        return undefined;
      };
    }
    // Without gates one table says it all: the first alternative to claim a token type wins it, and an alternative
    // that can be empty takes every token type no earlier one claimed.
    const choice: number[] = [];
    let fallback: number | undefined;
    for (let i = 0; i < alternatives.length && fallback === undefined; i++) {
      for (const index of tokenIndices(alternatives[i]!.tokens)) choice[index] ??= i;
      if (alternatives[i]!.nullable) fallback = i;
    }
    return function (this: Lookahead): number | undefined {
      return choice[this.LA(1).tokenTypeIdx] ?? fallback;
    };
  }

  override buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
  }): () => boolean {
    const inside = this.first(this.decision(options.rule, options.prodType, options.prodOccurrence).definition);
    if (inside.nullable) return () => true;
    const table = matchTable(inside.tokens);
    return function (this: Lookahead): boolean {
      return table[this.LA(1).tokenTypeIdx] === true;
    };
  }

  private decision(rule: Rule, type: string, occurrence: number): Decision {
    const found = this.decisions.get(`${rule.name}/${type}/${occurrence}`);
    if (!found) throw new Error(`no ${type} #${occurrence} in rule ${rule.name}`);
    return found;
  }

  private collectDecisions(rule: Rule, productions: readonly IProduction[]): void {
    for (const production of productions) {
      const type = decisionType(production);
      if (type) this.decisions.set(`${rule.name}/${type}/${(production as Decision).idx}`, production as Decision);
      if (production instanceof Alternation) {
        for (const alternative of production.definition) {
          this.collectDecisions(rule, (alternative as Alternative).definition);
        }
      } else if (!(production instanceof Terminal) && !(production instanceof NonTerminal)) {
        this.collectDecisions(rule, (production as Decision | Alternative).definition);
      }
    }
  }

  /** FIRST of a sequence: the first sets up to and including the first part that cannot be empty. */
  private first(sequence: readonly IProduction[]): First {
    const tokens = new Set<TokenType>();
    for (const production of sequence) {
      const part = this.firstOf(production);
      for (const token of part.tokens) tokens.add(token);
      if (!part.nullable) return { tokens, nullable: false };
    }
    return { tokens, nullable: true };
  }

  private firstOf(production: IProduction): First {
    if (production instanceof Terminal) return { tokens: new Set([production.terminalType]), nullable: false };
    if (production instanceof NonTerminal) return this.firstOfRule(production.referencedRule);
    if (production instanceof Alternation) {
      const tokens = new Set<TokenType>();
      let nullable = false;
      for (const alternative of production.definition) {
        const part = this.first((alternative as Alternative).definition);
        for (const token of part.tokens) tokens.add(token);
        nullable ||= part.nullable;
      }
      return { tokens, nullable };
    }
    const inside = this.first((production as Decision | Alternative).definition);
    const mandatory =
      production instanceof RepetitionMandatory ||
      production instanceof RepetitionMandatoryWithSeparator ||
      production instanceof Alternative;
    return mandatory ? inside : { tokens: inside.tokens, nullable: true };
  }

  /** Memoised per rule; the grammar has no left recursion (chevrotain checks), so this terminates. */
  private firstOfRule(rule: Rule): First {
    let first = this.ruleFirsts.get(rule);
    if (!first) {
      first = this.first(rule.definition);
      this.ruleFirsts.set(rule, first);
    }
    return first;
  }
}

function decisionType(production: IProduction): string | undefined {
  if (production instanceof Alternation) return 'Alternation';
  if (production instanceof Option) return 'Option';
  if (production instanceof Repetition) return 'Repetition';
  if (production instanceof RepetitionMandatory) return 'RepetitionMandatory';
  if (production instanceof RepetitionMandatoryWithSeparator) return 'RepetitionMandatoryWithSeparator';
  if (production instanceof RepetitionWithSeparator) return 'RepetitionWithSeparator';
  return undefined;
}

/** The token type indices a set matches: a category matches the token types in it. */
function tokenIndices(tokens: ReadonlySet<TokenType>): number[] {
  return [...tokens].flatMap((token) => [token.tokenTypeIdx!, ...(token.categoryMatches ?? [])]);
}

function matchTable(tokens: ReadonlySet<TokenType>): boolean[] {
  const table: boolean[] = [];
  for (const index of tokenIndices(tokens)) table[index] = true;
  return table;
}
