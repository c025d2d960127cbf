// The Spark SQL grammar as a chevrotain CstParser. It only recognizes; src/ast/build-ast.ts turns the CST into the AST.
import {
  CstParser,
  EOF,
  tokenLabel,
  tokenMatcher,
  type ILookaheadStrategy,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { Ll1LookaheadStrategy } from './ll1-lookahead.js';
import * as T from './tokens.js';

/**
 * Rules are class properties, so their names are the CST node names and the generated types in cst.d.ts.
 * Precedence climbs from `expression` (OR) through `andExpression`, `notExpression`, `predicated` (IS, IN, LIKE,
 * BETWEEN), `valueExpression` (comparisons), `bitwiseOr`, `bitwiseXor`, `bitwiseAnd`, `additiveExpression`,
 * `multiplicativeExpression` and `unaryExpression` down to `postfixExpression` and `primaryExpression`.
 */
export class SqlParser extends CstParser {
  constructor(options: { validate: boolean; lookaheadStrategy?: ILookaheadStrategy }) {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      // One token of lookahead: every decision LL(1) cannot make has a gate below. Deeper lookahead made
      // grammar analysis ~100x slower, because the non-reserved keywords overlap the Identifier category.
      maxLookahead: 1,
      lookaheadStrategy: options.lookaheadStrategy ?? new Ll1LookaheadStrategy(),
      skipValidations: !options.validate,
      errorMessageProvider: sqlErrorMessages,
    });
    this.performSelfAnalysis();
  }

  // ───────────────────────────── scripts and statements ─────────────────────────────

  readonly script = this.RULE('script', () => {
    this.OPTION(() => this.SUBRULE(this.statement));
    this.MANY(() => {
      this.CONSUME(T.Semicolon);
      this.OPTION2(() => this.SUBRULE2(this.statement));
    });
  });

  readonly statement = this.RULE('statement', () => {
    this.OR({
      ERR_MSG: 'a statement',
      DEF: [
        { ALT: () => this.SUBRULE(this.query) },
        { ALT: () => this.SUBRULE(this.explainStatement) },
        { ALT: () => this.SUBRULE(this.createStatement) },
        { ALT: () => this.SUBRULE(this.insertStatement) },
        { ALT: () => this.SUBRULE(this.dropStatement) },
        { ALT: () => this.SUBRULE(this.setStatement) },
        { ALT: () => this.SUBRULE(this.resetStatement) },
        { ALT: () => this.SUBRULE(this.showTablesStatement) },
        { ALT: () => this.SUBRULE(this.describeStatement) },
        { ALT: () => this.SUBRULE(this.cacheStatement) },
        { ALT: () => this.SUBRULE(this.uncacheStatement) },
      ],
    });
  });

  readonly explainStatement = this.RULE('explainStatement', () => {
    this.CONSUME(T.Explain);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.Extended) },
        { ALT: () => this.CONSUME(T.Formatted) },
        { ALT: () => this.CONSUME(T.Cost) },
        { ALT: () => this.CONSUME(T.Codegen) },
        { ALT: () => this.CONSUME(T.Verbose) },
        { ALT: () => this.CONSUME(T.Analyze) },
      ]),
    );
    this.SUBRULE(this.statement);
  });

  readonly createStatement = this.RULE('createStatement', () => {
    this.CONSUME(T.Create);
    this.OPTION(() => {
      this.CONSUME(T.Or);
      this.CONSUME(T.Replace);
    });
    this.OR([{ ALT: () => this.SUBRULE(this.viewDefinition) }, { ALT: () => this.SUBRULE(this.tableDefinition) }]);
  });

  /** `[GLOBAL] [TEMPORARY] VIEW [IF NOT EXISTS] v` then `[(cols)] AS query` or `USING fmt [OPTIONS (…)]`. */
  readonly viewDefinition = this.RULE('viewDefinition', () => {
    this.OPTION(() => this.CONSUME(T.Global));
    this.OPTION2(() => this.CONSUME(T.Temporary));
    this.CONSUME(T.View);
    this.OPTION3({ GATE: () => tokenMatcher(this.LA(2), T.Not), DEF: () => this.ifNotExists() });
    this.SUBRULE(this.qualifiedName);
    this.OR([
      {
        ALT: () => {
          this.OPTION4(() => this.SUBRULE(this.identifierList));
          this.CONSUME(T.As);
          this.SUBRULE(this.query);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Using);
          this.CONSUME(T.Identifier, { LABEL: 'format' });
          this.OPTION5(() => this.SUBRULE(this.optionsClause));
        },
      },
    ]);
  });

  /** `TABLE [IF NOT EXISTS] t [(cols)] USING fmt` then OPTIONS, PARTITIONED BY, LOCATION in any order, `[AS] query`. */
  readonly tableDefinition = this.RULE('tableDefinition', () => {
    this.CONSUME(T.Table);
    this.OPTION({ GATE: () => tokenMatcher(this.LA(2), T.Not), DEF: () => this.ifNotExists() });
    this.SUBRULE(this.qualifiedName);
    this.OPTION2(() => {
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        ERR_MSG: 'a column definition',
        DEF: () => this.SUBRULE(this.columnDefinition),
      });
      this.CONSUME(T.RParen);
    });
    this.CONSUME(T.Using);
    this.CONSUME(T.Identifier, { LABEL: 'format' });
    this.MANY(() =>
      this.OR2([
        { ALT: () => this.SUBRULE(this.optionsClause) },
        {
          ALT: () => {
            this.CONSUME(T.Partitioned);
            this.CONSUME(T.By);
            this.SUBRULE(this.identifierList, { LABEL: 'partitionColumns' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Location);
            this.CONSUME(T.StringLiteral, { LABEL: 'location' });
          },
        },
      ]),
    );
    this.OPTION3(() => {
      this.OPTION4(() => this.CONSUME(T.As));
      this.SUBRULE(this.query);
    });
  });

  readonly columnDefinition = this.RULE('columnDefinition', () => {
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.dataType);
    this.OPTION(() => {
      this.CONSUME(T.Not);
      this.CONSUME(T.Null);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Comment);
      this.CONSUME(T.StringLiteral);
    });
  });

  readonly optionsClause = this.RULE('optionsClause', () => {
    this.CONSUME(T.Options);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.optionEntry) });
    this.CONSUME(T.RParen);
  });

  /** `key [=] value`; the key is a dotted name or a string, the value a string, number or boolean. */
  readonly optionEntry = this.RULE('optionEntry', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.qualifiedName) },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'key' }) },
    ]);
    this.OPTION(() => this.CONSUME(T.Equals));
    this.OR2({
      ERR_MSG: 'a string, number or boolean',
      DEF: [
        { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: 'value' }) },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.MinusSign));
            this.CONSUME(T.NumberLiteral);
          },
        },
        { ALT: () => this.CONSUME(T.True) },
        { ALT: () => this.CONSUME(T.False) },
      ],
    });
  });

  readonly insertStatement = this.RULE('insertStatement', () => {
    this.CONSUME(T.Insert);
    this.OR([{ ALT: () => this.CONSUME(T.Into) }, { ALT: () => this.CONSUME(T.Overwrite) }]);
    // TABLE is optional and also a valid table name: it is the keyword only when a name follows.
    this.OPTION({ GATE: () => tokenMatcher(this.LA(2), T.Identifier), DEF: () => this.CONSUME(T.Table) });
    this.SUBRULE(this.qualifiedName);
    this.OPTION2(() => this.SUBRULE(this.partitionSpec));
    this.SUBRULE(this.query);
  });

  readonly partitionSpec = this.RULE('partitionSpec', () => {
    this.CONSUME(T.Partition);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'a partition column', DEF: () => this.SUBRULE(this.partitionEntry) });
    this.CONSUME(T.RParen);
  });

  readonly partitionEntry = this.RULE('partitionEntry', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expression);
    });
  });

  readonly dropStatement = this.RULE('dropStatement', () => {
    this.CONSUME(T.Drop);
    this.OR([{ ALT: () => this.CONSUME(T.Table) }, { ALT: () => this.CONSUME(T.View) }]);
    this.OPTION({ GATE: () => tokenMatcher(this.LA(2), T.Exists), DEF: () => this.ifExists() });
    this.SUBRULE(this.qualifiedName);
  });

  /** SET, SET key, SET key = value: key and value are kept as raw text, so any token but `;` may appear. */
  readonly setStatement = this.RULE('setStatement', () => {
    this.CONSUME(T.SetKeyword);
    this.MANY({
      GATE: () => !tokenMatcher(this.LA(1), T.Equals),
      DEF: () => this.CONSUME(T.RawText, { LABEL: 'keyText' }),
    });
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.MANY2(() => this.CONSUME2(T.RawText, { LABEL: 'valueText' }));
    });
  });

  readonly resetStatement = this.RULE('resetStatement', () => {
    this.CONSUME(T.Reset);
    this.MANY(() => this.CONSUME(T.RawText, { LABEL: 'keyText' }));
  });

  readonly showTablesStatement = this.RULE('showTablesStatement', () => {
    this.CONSUME(T.Show);
    this.CONSUME(T.Tables);
  });

  readonly describeStatement = this.RULE('describeStatement', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Describe) }, { ALT: () => this.CONSUME(T.Desc) }]);
    // TABLE, EXTENDED and FORMATTED are also valid table names: keywords only when a name follows.
    this.OPTION({ GATE: () => tokenMatcher(this.LA(2), T.Identifier), DEF: () => this.CONSUME(T.Table) });
    this.OPTION2({
      GATE: () => tokenMatcher(this.LA(2), T.Identifier),
      DEF: () => this.OR2([{ ALT: () => this.CONSUME(T.Extended) }, { ALT: () => this.CONSUME(T.Formatted) }]),
    });
    this.SUBRULE(this.qualifiedName);
  });

  readonly cacheStatement = this.RULE('cacheStatement', () => {
    this.CONSUME(T.Cache);
    this.OPTION(() => this.CONSUME(T.Lazy));
    this.CONSUME(T.Table);
    this.SUBRULE(this.qualifiedName);
    this.OPTION2(() => {
      this.OPTION3(() => this.CONSUME(T.As));
      this.SUBRULE(this.query);
    });
  });

  readonly uncacheStatement = this.RULE('uncacheStatement', () => {
    this.CONSUME(T.Uncache);
    this.CONSUME(T.Table);
    this.OPTION({ GATE: () => tokenMatcher(this.LA(2), T.Exists), DEF: () => this.ifExists() });
    this.SUBRULE(this.qualifiedName);
  });

  // ───────────────────────────── queries ─────────────────────────────

  /** CTEs, a body of set operations, then the clauses that order, distribute and limit the whole body. */
  readonly query = this.RULE('query', () => {
    this.OPTION(() => this.SUBRULE(this.withClause));
    this.SUBRULE(this.queryTerm);
    this.OPTION2(() => {
      this.CONSUME(T.Order);
      this.CONSUME(T.By);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        ERR_MSG: 'an expression',
        DEF: () => this.SUBRULE(this.sortItem, { LABEL: 'orderBy' }),
      });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Cluster);
      this.CONSUME2(T.By);
      this.AT_LEAST_ONE_SEP2({
        SEP: T.Comma,
        ERR_MSG: 'an expression',
        DEF: () => this.SUBRULE(this.expression, { LABEL: 'clusterBy' }),
      });
    });
    this.OPTION4(() => {
      this.CONSUME(T.Distribute);
      this.CONSUME3(T.By);
      this.AT_LEAST_ONE_SEP3({
        SEP: T.Comma,
        ERR_MSG: 'an expression',
        DEF: () => this.SUBRULE2(this.expression, { LABEL: 'distributeBy' }),
      });
    });
    this.OPTION5(() => {
      this.CONSUME(T.Sort);
      this.CONSUME4(T.By);
      this.AT_LEAST_ONE_SEP4({
        SEP: T.Comma,
        ERR_MSG: 'an expression',
        DEF: () => this.SUBRULE2(this.sortItem, { LABEL: 'sortBy' }),
      });
    });
    this.OPTION6(() => {
      this.CONSUME(T.Limit);
      this.OR({
        ERR_MSG: 'an expression or `ALL`',
        DEF: [
          { ALT: () => this.CONSUME(T.All) },
          { ALT: () => this.SUBRULE3(this.expression, { LABEL: 'limit' }) },
        ],
      });
    });
    this.OPTION7(() => {
      this.CONSUME(T.Offset);
      this.SUBRULE4(this.expression, { LABEL: 'offset' });
    });
  });

  readonly withClause = this.RULE('withClause', () => {
    this.CONSUME(T.With);
    // RECURSIVE is also a valid CTE name: it is the keyword only when the name follows.
    this.OPTION({ GATE: () => tokenMatcher(this.LA(2), T.Identifier), DEF: () => this.CONSUME(T.Recursive) });
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      ERR_MSG: 'a common table expression',
      DEF: () => this.SUBRULE(this.commonTableExpression),
    });
  });

  readonly commonTableExpression = this.RULE('commonTableExpression', () => {
    this.CONSUME(T.Identifier);
    this.OPTION({ GATE: () => !this.startsQueryAt(2), DEF: () => this.SUBRULE(this.identifierList) });
    this.OPTION2(() => this.CONSUME(T.As));
    this.CONSUME(T.LParen);
    this.SUBRULE(this.query);
    this.CONSUME(T.RParen);
  });

  /** UNION / EXCEPT / MINUS, left-associative, over INTERSECT terms (INTERSECT binds tighter). */
  readonly queryTerm = this.RULE('queryTerm', () => {
    this.SUBRULE(this.queryIntersection);
    this.MANY(() => {
      this.SUBRULE(this.unionOperator);
      this.SUBRULE2(this.queryIntersection);
    });
  });

  readonly unionOperator = this.RULE('unionOperator', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Union) },
      { ALT: () => this.CONSUME(T.Except) },
      { ALT: () => this.CONSUME(T.Minus) },
    ]);
    this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.All) }, { ALT: () => this.CONSUME(T.Distinct) }]));
  });

  readonly queryIntersection = this.RULE('queryIntersection', () => {
    this.SUBRULE(this.queryPrimary);
    this.MANY(() => {
      this.SUBRULE(this.intersectOperator);
      this.SUBRULE2(this.queryPrimary);
    });
  });

  readonly intersectOperator = this.RULE('intersectOperator', () => {
    this.CONSUME(T.Intersect);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.All) }, { ALT: () => this.CONSUME(T.Distinct) }]));
  });

  readonly queryPrimary = this.RULE('queryPrimary', () => {
    this.OR({
      ERR_MSG: 'a query',
      DEF: [
        { ALT: () => this.SUBRULE(this.select) },
        { ALT: () => this.SUBRULE(this.valuesClause) },
        { ALT: () => this.SUBRULE(this.tableQuery) },
        { ALT: () => this.SUBRULE(this.parenthesizedQuery) },
      ],
    });
  });

  readonly parenthesizedQuery = this.RULE('parenthesizedQuery', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.query);
    this.CONSUME(T.RParen);
  });

  readonly tableQuery = this.RULE('tableQuery', () => {
    this.CONSUME(T.Table);
    this.SUBRULE(this.qualifiedName);
  });

  readonly valuesClause = this.RULE('valuesClause', () => {
    this.CONSUME(T.Values);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'a row of values', DEF: () => this.SUBRULE(this.valuesRow) });
  });

  /** `(1, 'a')` is a row of two values; a lone expression is a row of one. */
  readonly valuesRow = this.RULE('valuesRow', () => {
    this.OR([
      {
        GATE: () => this.isTupleAhead(),
        ALT: () => {
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'an expression', DEF: () => this.SUBRULE(this.expression) });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.expression) },
    ]);
  });

  readonly select = this.RULE('select', () => {
    this.CONSUME(T.Select);
    this.MANY(() => this.SUBRULE(this.hint));
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Distinct) }, { ALT: () => this.CONSUME(T.All) }]));
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'an expression', DEF: () => this.SUBRULE(this.selectItem) });
    this.OPTION2(() => {
      this.CONSUME(T.From);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, ERR_MSG: 'a table or subquery', DEF: () => this.SUBRULE(this.relation) });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    this.OPTION4(() => this.SUBRULE(this.groupByClause));
    this.OPTION5(() => {
      this.CONSUME(T.Having);
      this.SUBRULE2(this.expression, { LABEL: 'having' });
    });
    this.OPTION6(() => {
      this.CONSUME(T.Window);
      this.AT_LEAST_ONE_SEP3({ SEP: T.Comma, ERR_MSG: 'a window definition', DEF: () => this.SUBRULE(this.namedWindow) });
    });
    this.OPTION7(() => {
      this.CONSUME(T.Qualify);
      this.SUBRULE3(this.expression, { LABEL: 'qualify' });
    });
  });

  /** `/*+ NAME, NAME(arg, …) … *\/`, statements separated by optional commas. */
  readonly hint = this.RULE('hint', () => {
    this.CONSUME(T.HintStart);
    this.SUBRULE(this.hintStatement);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(T.Comma));
      this.SUBRULE2(this.hintStatement);
    });
    this.CONSUME(T.HintEnd);
  });

  readonly hintStatement = this.RULE('hintStatement', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'a hint argument', DEF: () => this.SUBRULE(this.hintArgument) });
      this.CONSUME(T.RParen);
    });
  });

  readonly hintArgument = this.RULE('hintArgument', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.SUBRULE(this.qualifiedName) },
    ]);
  });

  readonly selectItem = this.RULE('selectItem', () => {
    this.OR({
      ERR_MSG: 'an expression',
      DEF: [
        { GATE: () => this.isStarAhead(), ALT: () => this.SUBRULE(this.starReference) },
        {
          ALT: () => {
            this.SUBRULE(this.expression);
            this.OPTION({ GATE: () => this.isAliasAhead(), DEF: () => this.SUBRULE(this.alias) });
          },
        },
      ],
    });
  });

  readonly alias = this.RULE('alias', () => {
    this.OPTION(() => this.CONSUME(T.As));
    this.CONSUME(T.Identifier);
  });

  /** `*` or `t.*` (`db.t.*`). */
  readonly starReference = this.RULE('starReference', () => {
    this.MANY(() => {
      this.CONSUME(T.Identifier);
      this.CONSUME(T.Dot);
    });
    this.CONSUME(T.Star);
  });

  readonly groupByClause = this.RULE('groupByClause', () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.By);
    this.OR({
      ERR_MSG: 'an expression or `ALL`',
      DEF: [
        { ALT: () => this.CONSUME(T.All) },
        {
          ALT: () => {
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              ERR_MSG: 'an expression',
              DEF: () => this.SUBRULE(this.groupingElement),
            });
            this.OPTION(() => {
              this.CONSUME(T.With);
              this.OR2([{ ALT: () => this.CONSUME(T.Rollup) }, { ALT: () => this.CONSUME(T.Cube) }]);
            });
          },
        },
      ],
    });
  });

  readonly groupingElement = this.RULE('groupingElement', () => {
    this.OR({
      ERR_MSG: 'an expression',
      DEF: [
        // ROLLUP, CUBE and GROUPING are also function names: analytics only when their parenthesis follows.
        { GATE: () => tokenMatcher(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.rollupOrCube) },
        { GATE: () => tokenMatcher(this.LA(2), T.Sets), ALT: () => this.SUBRULE(this.groupingSets) },
        { ALT: () => this.SUBRULE(this.expression) },
      ],
    });
  });

  readonly rollupOrCube = this.RULE('rollupOrCube', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Rollup) }, { ALT: () => this.CONSUME(T.Cube) }]);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'an expression', DEF: () => this.SUBRULE(this.groupingSet) });
    this.CONSUME(T.RParen);
  });

  readonly groupingSets = this.RULE('groupingSets', () => {
    this.CONSUME(T.Grouping);
    this.CONSUME(T.Sets);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'a grouping set', DEF: () => this.SUBRULE(this.groupingSet) });
    this.CONSUME(T.RParen);
  });

  /** `(a, b)`, `()` or a lone expression. */
  readonly groupingSet = this.RULE('groupingSet', () => {
    this.OR([
      {
        GATE: () => this.isTupleAhead(),
        ALT: () => {
          this.CONSUME(T.LParen);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.expression) },
    ]);
  });

  readonly namedWindow = this.RULE('namedWindow', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.As);
    this.SUBRULE(this.windowSpec);
  });

  readonly sortItem = this.RULE('sortItem', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => this.CONSUME(T.Desc) }]));
    this.OPTION2(() => {
      this.CONSUME(T.Nulls);
      this.OR2([{ ALT: () => this.CONSUME(T.First) }, { ALT: () => this.CONSUME(T.Last) }]);
    });
  });

  // ───────────────────────────── relations ─────────────────────────────

  /** A FROM item: a primary relation and the joins hanging off it, left-deep. */
  readonly relation = this.RULE('relation', () => {
    this.SUBRULE(this.relationPrimary);
    this.MANY(() => this.SUBRULE(this.joinClause));
  });

  readonly joinClause = this.RULE('joinClause', () => {
    this.OPTION(() => this.CONSUME(T.Natural));
    this.SUBRULE(this.joinType);
    this.CONSUME(T.Join);
    this.SUBRULE(this.relationPrimary);
    this.OPTION2(() => this.SUBRULE(this.joinCriteria));
  });

  /** Empty for a plain JOIN. */
  readonly joinType = this.RULE('joinType', () => {
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.Inner) },
        { ALT: () => this.CONSUME(T.Cross) },
        {
          ALT: () => {
            this.CONSUME(T.Left);
            this.OPTION2(() =>
              this.OR2([
                { ALT: () => this.CONSUME(T.Outer) },
                { ALT: () => this.CONSUME(T.Semi) },
                { ALT: () => this.CONSUME(T.Anti) },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Right);
            this.OPTION3(() => this.CONSUME2(T.Outer));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Full);
            this.OPTION4(() => this.CONSUME3(T.Outer));
          },
        },
        { ALT: () => this.CONSUME2(T.Semi) },
        { ALT: () => this.CONSUME2(T.Anti) },
      ]),
    );
  });

  readonly joinCriteria = this.RULE('joinCriteria', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.On);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Using);
          this.SUBRULE(this.identifierList);
        },
      },
    ]);
  });

  readonly relationPrimary = this.RULE('relationPrimary', () => {
    this.OR({
      ERR_MSG: 'a table or subquery',
      DEF: [
        { GATE: () => this.startsQueryAt(2), ALT: () => this.SUBRULE(this.subqueryRelation) },
        { ALT: () => this.SUBRULE(this.parenthesizedRelation) },
        { ALT: () => this.SUBRULE(this.valuesRelation) },
        { ALT: () => this.SUBRULE(this.namedRelation) },
      ],
    });
  });

  readonly subqueryRelation = this.RULE('subqueryRelation', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.query);
    this.CONSUME(T.RParen);
    this.OPTION({ GATE: () => this.isAliasAhead(), DEF: () => this.SUBRULE(this.tableAlias) });
  });

  /** `(a JOIN b)`: grouping only, so it takes no alias. */
  readonly parenthesizedRelation = this.RULE('parenthesizedRelation', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.relation);
    this.CONSUME(T.RParen);
  });

  readonly valuesRelation = this.RULE('valuesRelation', () => {
    this.SUBRULE(this.valuesClause);
    this.OPTION({ GATE: () => this.isAliasAhead(), DEF: () => this.SUBRULE(this.tableAlias) });
  });

  /** A table, ``parquet.`path` `` (a file), or a table-valued function call such as `range(10)`. */
  readonly namedRelation = this.RULE('namedRelation', () => {
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
      this.CONSUME(T.RParen);
    });
    this.OPTION2({ GATE: () => this.isAliasAhead(), DEF: () => this.SUBRULE(this.tableAlias) });
  });

  readonly tableAlias = this.RULE('tableAlias', () => {
    this.OPTION(() => this.CONSUME(T.As));
    this.CONSUME(T.Identifier);
    this.OPTION2(() => this.SUBRULE(this.identifierList));
  });

  // ───────────────────────────── expressions ─────────────────────────────

  readonly expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpression);
    });
  });

  readonly andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.CONSUME(T.DoubleAmpersand) }]);
      this.SUBRULE2(this.notExpression);
    });
  });

  readonly notExpression = this.RULE('notExpression', () => {
    this.OR({
      ERR_MSG: 'an expression',
      DEF: [
        // `NOT EXISTS (q)` is one negated EXISTS, unless an operator binds the EXISTS tighter than NOT.
        {
          GATE: () => this.isNotExistsAhead(),
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.existsExpression);
          },
        },
        {
          ALT: () => {
            this.CONSUME2(T.Not);
            this.SUBRULE(this.notExpression);
          },
        },
        { ALT: () => this.SUBRULE(this.predicated) },
      ],
    });
  });

  readonly predicated = this.RULE('predicated', () => {
    this.OR({
      ERR_MSG: 'an expression',
      DEF: [
        { GATE: () => this.isTupleInAhead(), ALT: () => this.SUBRULE(this.tupleInSubquery) },
        {
          ALT: () => {
            this.SUBRULE(this.valueExpression);
            this.OPTION(() => this.SUBRULE(this.predicateSuffix));
          },
        },
      ],
    });
  });

  /** `(a, b) [NOT] IN (SELECT x, y …)` */
  readonly tupleInSubquery = this.RULE('tupleInSubquery', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expression);
    });
    this.CONSUME(T.RParen);
    this.OPTION(() => this.CONSUME(T.Not));
    this.CONSUME(T.In);
    this.CONSUME2(T.LParen);
    this.SUBRULE(this.query);
    this.CONSUME2(T.RParen);
  });

  readonly predicateSuffix = this.RULE('predicateSuffix', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.isPredicate) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Not));
          this.OR2({
            ERR_MSG: '`BETWEEN`, `IN`, `LIKE`, `ILIKE` or `RLIKE`',
            DEF: [
              { ALT: () => this.SUBRULE(this.betweenPredicate) },
              { ALT: () => this.SUBRULE(this.inPredicate) },
              { ALT: () => this.SUBRULE(this.likePredicate) },
              { ALT: () => this.SUBRULE(this.rlikePredicate) },
            ],
          });
        },
      },
    ]);
  });

  readonly isPredicate = this.RULE('isPredicate', () => {
    this.CONSUME(T.Is);
    this.OPTION(() => this.CONSUME(T.Not));
    this.OR({
      ERR_MSG: '`NULL` or `DISTINCT FROM`',
      DEF: [
        { ALT: () => this.CONSUME(T.Null) },
        {
          ALT: () => {
            this.CONSUME(T.Distinct);
            this.CONSUME(T.From);
            this.SUBRULE(this.valueExpression);
          },
        },
      ],
    });
  });

  readonly betweenPredicate = this.RULE('betweenPredicate', () => {
    this.CONSUME(T.Between);
    this.SUBRULE(this.valueExpression, { LABEL: 'low' });
    this.CONSUME(T.And);
    this.SUBRULE2(this.valueExpression, { LABEL: 'high' });
  });

  readonly inPredicate = this.RULE('inPredicate', () => {
    this.CONSUME(T.In);
    this.CONSUME(T.LParen);
    this.OR({
      ERR_MSG: 'a subquery or an expression',
      DEF: [
        { GATE: () => this.startsQueryAt(1), ALT: () => this.SUBRULE(this.query) },
        {
          ALT: () =>
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              ERR_MSG: 'an expression',
              DEF: () => this.SUBRULE(this.expression),
            }),
        },
      ],
    });
    this.CONSUME(T.RParen);
  });

  readonly likePredicate = this.RULE('likePredicate', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Like) }, { ALT: () => this.CONSUME(T.Ilike) }]);
    this.OR2({
      ERR_MSG: 'a pattern',
      DEF: [
        // ANY and SOME are also function names: a quantifier only right before its parenthesis.
        {
          GATE: () => tokenMatcher(this.LA(2), T.LParen),
          ALT: () => {
            this.OR3([
              { ALT: () => this.CONSUME(T.Any) },
              { ALT: () => this.CONSUME(T.Some) },
              { ALT: () => this.CONSUME(T.All) },
            ]);
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.valueExpression);
            this.OPTION({
              GATE: () => tokenMatcher(this.LA(2), T.StringLiteral),
              DEF: () => {
                this.CONSUME(T.Escape);
                this.CONSUME(T.StringLiteral);
              },
            });
          },
        },
      ],
    });
  });

  readonly rlikePredicate = this.RULE('rlikePredicate', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Rlike) }, { ALT: () => this.CONSUME(T.Regexp) }]);
    this.SUBRULE(this.valueExpression);
  });

  /** Comparisons, left-associative: `a = b = c` is `(a = b) = c`, as in Spark. */
  readonly valueExpression = this.RULE('valueExpression', () => {
    this.SUBRULE(this.bitwiseOr);
    this.MANY(() => {
      this.CONSUME(T.ComparisonOperator);
      this.SUBRULE2(this.bitwiseOr);
    });
  });

  readonly bitwiseOr = this.RULE('bitwiseOr', () => {
    this.SUBRULE(this.bitwiseXor);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.SUBRULE2(this.bitwiseXor);
    });
  });

  readonly bitwiseXor = this.RULE('bitwiseXor', () => {
    this.SUBRULE(this.bitwiseAnd);
    this.MANY(() => {
      this.CONSUME(T.Caret);
      this.SUBRULE2(this.bitwiseAnd);
    });
  });

  readonly bitwiseAnd = this.RULE('bitwiseAnd', () => {
    this.SUBRULE(this.additiveExpression);
    this.MANY(() => {
      this.CONSUME(T.Ampersand);
      this.SUBRULE2(this.additiveExpression);
    });
  });

  readonly additiveExpression = this.RULE('additiveExpression', () => {
    this.SUBRULE(this.multiplicativeExpression);
    this.MANY(() => {
      this.CONSUME(T.AdditiveOperator);
      this.SUBRULE2(this.multiplicativeExpression);
    });
  });

  readonly multiplicativeExpression = this.RULE('multiplicativeExpression', () => {
    this.SUBRULE(this.unaryExpression);
    this.MANY(() => {
      this.CONSUME(T.MultiplicativeOperator);
      this.SUBRULE2(this.unaryExpression);
    });
  });

  readonly unaryExpression = this.RULE('unaryExpression', () => {
    this.OR({
      ERR_MSG: 'an expression',
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.UnaryOperator);
            this.SUBRULE(this.unaryExpression);
          },
        },
        { ALT: () => this.SUBRULE(this.postfixExpression) },
      ],
    });
  });

  readonly postfixExpression = this.RULE('postfixExpression', () => {
    this.SUBRULE(this.primaryExpression);
    this.MANY(() => this.SUBRULE(this.postfixOperator));
  });

  /** `[index]`, `.field` (after a non-name, e.g. `f(x).a`; `a.b` is a dotted name), `::type`. */
  readonly postfixOperator = this.RULE('postfixOperator', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.DoubleColon);
          this.SUBRULE(this.dataType);
        },
      },
    ]);
  });

  readonly primaryExpression = this.RULE('primaryExpression', () => {
    // Several alternatives start with a non-reserved keyword that is also a name; the gates pick the keyword
    // reading only when what follows it fits (`DATE '…'` vs the column `date`, `CAST(` vs the column `cast`).
    this.OR({
      ERR_MSG: 'an expression',
      DEF: [
        { ALT: () => this.SUBRULE(this.constant) },
        { GATE: () => tokenMatcher(this.LA(2), T.StringLiteral), ALT: () => this.SUBRULE(this.typedLiteral) },
        { GATE: () => this.isIntervalAhead(), ALT: () => this.SUBRULE(this.intervalLiteral) },
        { ALT: () => this.SUBRULE(this.caseExpression) },
        { GATE: () => tokenMatcher(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.castExpression) },
        { GATE: () => tokenMatcher(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.extractExpression) },
        { GATE: () => tokenMatcher(this.LA(2), T.LParen), ALT: () => this.SUBRULE(this.existsExpression) },
        { ALT: () => this.SUBRULE(this.parenthesizedExpression) },
        { ALT: () => this.SUBRULE(this.reservedNameCall) },
        { ALT: () => this.SUBRULE(this.columnOrCall) },
      ],
    });
  });

  /** NULL, TRUE, FALSE, numbers, strings (adjacent strings concatenate: `'a' 'b'`), X'…'. */
  readonly constant = this.RULE('constant', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral)) },
      { ALT: () => this.CONSUME(T.BinaryLiteral) },
    ]);
  });

  readonly typedLiteral = this.RULE('typedLiteral', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.DateKeyword) },
      { ALT: () => this.CONSUME(T.Timestamp) },
      { ALT: () => this.CONSUME(T.TimestampNtz) },
      { ALT: () => this.CONSUME(T.TimestampLtz) },
    ]);
    this.CONSUME(T.StringLiteral);
  });

  /** `INTERVAL '1 day'`, `INTERVAL 1 YEAR 2 MONTHS`, `INTERVAL '1-2' YEAR TO MONTH`. */
  readonly intervalLiteral = this.RULE('intervalLiteral', () => {
    this.CONSUME(T.Interval);
    this.SUBRULE(this.intervalValue);
    this.OPTION(() => {
      this.CONSUME(T.IntervalUnit);
      this.MANY({
        GATE: () => this.isIntervalPartAhead(),
        DEF: () => {
          this.SUBRULE2(this.intervalValue);
          this.CONSUME2(T.IntervalUnit);
        },
      });
      this.OPTION2({
        GATE: () => tokenMatcher(this.LA(2), T.IntervalUnit),
        DEF: () => {
          this.CONSUME(T.To);
          this.CONSUME3(T.IntervalUnit, { LABEL: 'toUnit' });
        },
      });
    });
  });

  readonly intervalValue = this.RULE('intervalValue', () => {
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.MinusSign) }]));
    this.OR2([{ ALT: () => this.CONSUME(T.NumberLiteral) }, { ALT: () => this.CONSUME(T.StringLiteral) }]);
  });

  readonly caseExpression = this.RULE('caseExpression', () => {
    this.CONSUME(T.Case);
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'operand' }));
    this.AT_LEAST_ONE({ ERR_MSG: '`WHEN`', DEF: () => this.SUBRULE(this.whenClause) });
    this.OPTION2(() => {
      this.CONSUME(T.Else);
      this.SUBRULE2(this.expression, { LABEL: 'elseResult' });
    });
    this.CONSUME(T.End);
  });

  readonly whenClause = this.RULE('whenClause', () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: 'result' });
  });

  readonly castExpression = this.RULE('castExpression', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Cast) }, { ALT: () => this.CONSUME(T.TryCast) }]);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.As);
    this.SUBRULE(this.dataType);
    this.CONSUME(T.RParen);
  });

  readonly extractExpression = this.RULE('extractExpression', () => {
    this.CONSUME(T.Extract);
    this.CONSUME(T.LParen);
    this.CONSUME(T.Identifier, { LABEL: 'field' });
    this.CONSUME(T.From);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  readonly existsExpression = this.RULE('existsExpression', () => {
    this.CONSUME(T.Exists);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.query);
    this.CONSUME(T.RParen);
  });

  /** `(expr)` or a scalar subquery `(SELECT …)`. */
  readonly parenthesizedExpression = this.RULE('parenthesizedExpression', () => {
    this.CONSUME(T.LParen);
    this.OR({
      ERR_MSG: 'an expression or a subquery',
      DEF: [
        { GATE: () => this.startsQueryAt(1), ALT: () => this.SUBRULE(this.query) },
        { ALT: () => this.SUBRULE(this.expression) },
      ],
    });
    this.CONSUME(T.RParen);
  });

  /** Spark's `left(s, n)` and `right(s, n)`: functions named by reserved words. */
  readonly reservedNameCall = this.RULE('reservedNameCall', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Left) }, { ALT: () => this.CONSUME(T.Right) }]);
    this.SUBRULE(this.callTail);
  });

  readonly columnOrCall = this.RULE('columnOrCall', () => {
    this.SUBRULE(this.qualifiedName);
    this.OPTION(() => this.SUBRULE(this.callTail));
  });

  /** `([DISTINCT|ALL] args) [FILTER (WHERE …)] [IGNORE|RESPECT NULLS] [OVER …]` after a function name. */
  readonly callTail = this.RULE('callTail', () => {
    this.CONSUME(T.LParen);
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Distinct) }, { ALT: () => this.CONSUME(T.All) }]);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'an argument', DEF: () => this.SUBRULE(this.functionArgument) });
        },
      },
      { ALT: () => this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.functionArgument) }) },
    ]);
    this.CONSUME(T.RParen);
    // FILTER, IGNORE, RESPECT and OVER are also aliases (`SELECT count(*) filter`): keywords only when what
    // they introduce follows.
    this.OPTION({
      GATE: () => tokenMatcher(this.LA(2), T.LParen),
      DEF: () => {
        this.CONSUME(T.Filter);
        this.CONSUME2(T.LParen);
        this.CONSUME(T.Where);
        this.SUBRULE(this.expression, { LABEL: 'filter' });
        this.CONSUME2(T.RParen);
      },
    });
    this.OPTION2({
      GATE: () => tokenMatcher(this.LA(2), T.Nulls),
      DEF: () => {
        this.OR3([{ ALT: () => this.CONSUME(T.Ignore) }, { ALT: () => this.CONSUME(T.Respect) }]);
        this.CONSUME(T.Nulls);
      },
    });
    this.OPTION3({
      GATE: () => tokenMatcher(this.LA(2), T.LParen) || tokenMatcher(this.LA(2), T.Identifier),
      DEF: () => this.SUBRULE(this.overClause),
    });
  });

  readonly functionArgument = this.RULE('functionArgument', () => {
    this.OR([
      { GATE: () => this.isStarAhead(), ALT: () => this.SUBRULE(this.starReference) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  readonly overClause = this.RULE('overClause', () => {
    this.CONSUME(T.Over);
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.SUBRULE(this.windowSpec) }]);
  });

  /** `([base] [PARTITION BY …] [ORDER BY …] [frame])`; DISTRIBUTE BY and SORT BY are Spark's synonyms. */
  readonly windowSpec = this.RULE('windowSpec', () => {
    this.CONSUME(T.LParen);
    this.OPTION({ GATE: () => this.isWindowBaseAhead(), DEF: () => this.CONSUME(T.Identifier, { LABEL: 'base' }) });
    this.OPTION2(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Partition) }, { ALT: () => this.CONSUME(T.Distribute) }]);
      this.CONSUME(T.By);
      this.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        ERR_MSG: 'an expression',
        DEF: () => this.SUBRULE(this.expression, { LABEL: 'partitionBy' }),
      });
    });
    this.OPTION3(() => {
      this.OR2([{ ALT: () => this.CONSUME(T.Order) }, { ALT: () => this.CONSUME(T.Sort) }]);
      this.CONSUME2(T.By);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, ERR_MSG: 'an expression', DEF: () => this.SUBRULE(this.sortItem) });
    });
    this.OPTION4(() => this.SUBRULE(this.windowFrame));
    this.CONSUME(T.RParen);
  });

  readonly windowFrame = this.RULE('windowFrame', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Rows) }, { ALT: () => this.CONSUME(T.Range) }]);
    this.OR2({
      ERR_MSG: '`BETWEEN` or a frame bound',
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Between);
            this.SUBRULE(this.frameBound, { LABEL: 'start' });
            this.CONSUME(T.And);
            this.SUBRULE2(this.frameBound, { LABEL: 'end' });
          },
        },
        {
          GATE: () => !tokenMatcher(this.LA(1), T.Between),
          ALT: () => this.SUBRULE3(this.frameBound, { LABEL: 'start' }),
        },
      ],
    });
  });

  readonly frameBound = this.RULE('frameBound', () => {
    this.OR({
      ERR_MSG: 'a frame bound',
      DEF: [
        {
          GATE: () => tokenMatcher(this.LA(2), T.Preceding) || tokenMatcher(this.LA(2), T.Following),
          ALT: () => {
            this.CONSUME(T.Unbounded);
            this.OR2([{ ALT: () => this.CONSUME(T.Preceding) }, { ALT: () => this.CONSUME(T.Following) }]);
          },
        },
        {
          GATE: () => tokenMatcher(this.LA(2), T.Row),
          ALT: () => {
            this.CONSUME(T.Current);
            this.CONSUME(T.Row);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.valueExpression);
            this.OR3([{ ALT: () => this.CONSUME2(T.Preceding) }, { ALT: () => this.CONSUME2(T.Following) }]);
          },
        },
      ],
    });
  });

  // ───────────────────────────── names and types ─────────────────────────────

  readonly qualifiedName = this.RULE('qualifiedName', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });

  readonly identifierList = this.RULE('identifierList', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'an identifier', DEF: () => this.CONSUME(T.Identifier) });
    this.CONSUME(T.RParen);
  });

  readonly dataType = this.RULE('dataType', () => {
    // ARRAY, MAP and STRUCT are names too, but never simple type names: the first matching alternative wins.
    this.OR({
      ERR_MSG: 'a type',
      DEF: [
        { ALT: () => this.SUBRULE(this.arrayType), IGNORE_AMBIGUITIES: true },
        { ALT: () => this.SUBRULE(this.mapType), IGNORE_AMBIGUITIES: true },
        { ALT: () => this.SUBRULE(this.structType), IGNORE_AMBIGUITIES: true },
        { ALT: () => this.SUBRULE(this.primitiveType) },
      ],
    });
  });

  readonly arrayType = this.RULE('arrayType', () => {
    this.CONSUME(T.ArrayKeyword);
    this.CONSUME(T.LessThan);
    this.SUBRULE(this.dataType);
    this.CONSUME(T.GreaterThan);
  });

  readonly mapType = this.RULE('mapType', () => {
    this.CONSUME(T.MapKeyword);
    this.CONSUME(T.LessThan);
    this.SUBRULE(this.dataType, { LABEL: 'keyType' });
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.dataType, { LABEL: 'valueType' });
    this.CONSUME(T.GreaterThan);
  });

  readonly structType = this.RULE('structType', () => {
    this.CONSUME(T.Struct);
    this.OR([
      // `struct<>` lexes as STRUCT then the operator `<>`.
      { ALT: () => this.CONSUME(T.NotEquals) },
      {
        ALT: () => {
          this.CONSUME(T.LessThan);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.structField) });
          this.CONSUME(T.GreaterThan);
        },
      },
    ]);
  });

  /** `name [:] type [NOT NULL]` */
  readonly structField = this.RULE('structField', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.SUBRULE(this.dataType);
    this.OPTION2(() => {
      this.CONSUME(T.Not);
      this.CONSUME(T.Null);
    });
  });

  /** `int`, `decimal(15, 2)`, `varchar(10)`: the name is checked by the AST builder. */
  readonly primitiveType = this.RULE('primitiveType', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, ERR_MSG: 'a number', DEF: () => this.CONSUME(T.NumberLiteral) });
      this.CONSUME(T.RParen);
    });
  });

  // IF is also a valid name, so callers gate these on the token after IF. They are token sequences, not rules:
  // their tokens land in the caller's CST node (`If`, `Not`, `Exists`).
  private ifExists(): void {
    this.CONSUME(T.If);
    this.CONSUME(T.Exists);
  }

  private ifNotExists(): void {
    this.CONSUME(T.If);
    this.CONSUME(T.Not);
    this.CONSUME(T.Exists);
  }

  // ───────────────────────────── hand-written lookahead ─────────────────────────────
  // Used by gates where LL(k) cannot decide: they scan ahead over balanced parentheses.

  /** The k of the token right after the parenthesised group that opens at LA(open). */
  private afterGroup(open: number): number {
    let depth = 0;
    for (let k = open; ; k++) {
      const type = this.LA(k).tokenType;
      if (type === EOF) return k;
      if (type === T.LParen) depth++;
      else if (type === T.RParen && --depth === 0) return k + 1;
    }
  }

  /** Does a query start at LA(k)? `((SELECT 1) UNION …)` is a query, `((SELECT 1) + 1)` an expression. */
  private startsQueryAt(k: number): boolean {
    const type = this.LA(k).tokenType;
    if (type === T.Select || type === T.With || type === T.Values) return true;
    if (type === T.Table) return tokenMatcher(this.LA(k + 1), T.Identifier);
    if (type !== T.LParen || !this.startsQueryAt(k + 1)) return false;
    return QUERY_CONTINUATIONS.has(this.LA(this.afterGroup(k)).tokenType);
  }

  /**
   * A parenthesised list (a row, a grouping set) rather than an operand that starts with a parenthesis:
   * `(a + 1) * 2` or the scalar subquery `(SELECT …)`.
   */
  private isTupleAhead(): boolean {
    return (
      tokenMatcher(this.LA(1), T.LParen) &&
      !this.startsQueryAt(2) &&
      !continuesOperand(this.LA(this.afterGroup(1)), { logical: true })
    );
  }

  /** `(a, b) [NOT] IN …`: a parenthesised list of two or more (not a subquery), then IN. */
  private isTupleInAhead(): boolean {
    if (!tokenMatcher(this.LA(1), T.LParen) || this.startsQueryAt(2)) return false;
    const after = this.afterGroup(1);
    const next = this.LA(after).tokenType;
    const followedByIn = next === T.In || (next === T.Not && this.LA(after + 1).tokenType === T.In);
    if (!followedByIn) return false;
    let depth = 0;
    for (let k = 1; k < after; k++) {
      const type = this.LA(k).tokenType;
      if (type === T.LParen) depth++;
      else if (type === T.RParen) depth--;
      else if (type === T.Comma && depth === 1) return true;
    }
    return false;
  }

  private isNotExistsAhead(): boolean {
    return (
      tokenMatcher(this.LA(1), T.Not) &&
      tokenMatcher(this.LA(2), T.Exists) &&
      tokenMatcher(this.LA(3), T.LParen) &&
      !continuesOperand(this.LA(this.afterGroup(3)), { logical: false })
    );
  }

  private isStarAhead(): boolean {
    let k = 1;
    while (tokenMatcher(this.LA(k), T.Identifier) && tokenMatcher(this.LA(k + 1), T.Dot)) k += 2;
    return tokenMatcher(this.LA(k), T.Star);
  }

  /** An alias follows: AS, or a name that does not start the next clause. */
  private isAliasAhead(): boolean {
    const next = this.LA(1);
    return (
      tokenMatcher(next, T.As) || (tokenMatcher(next, T.Identifier) && !tokenMatcher(next, T.ClauseKeyword))
    );
  }

  /** INTERVAL then a string, or a number and its unit: `interval - 1` is the column `interval`. */
  private isIntervalAhead(): boolean {
    return this.isIntervalPartAt(2, { unitOptional: true });
  }

  /** Another `value unit` pair of a multi-unit interval (`INTERVAL 1 DAY 2 HOURS`), not `INTERVAL 1 DAY - x`. */
  private isIntervalPartAhead(): boolean {
    return this.isIntervalPartAt(1, { unitOptional: false });
  }

  /** An optionally signed number or string at LA(k), then a unit (which a lone string may go without). */
  private isIntervalPartAt(k: number, options: { unitOptional: boolean }): boolean {
    const signed = tokenMatcher(this.LA(k), T.Plus) || tokenMatcher(this.LA(k), T.MinusSign);
    const value = this.LA(signed ? k + 1 : k);
    const unit = tokenMatcher(this.LA(signed ? k + 2 : k + 1), T.IntervalUnit);
    if (tokenMatcher(value, T.StringLiteral)) return unit || options.unitOptional;
    return tokenMatcher(value, T.NumberLiteral) && unit;
  }

  /** `OVER (w ORDER BY …)` names a base window; `OVER (PARTITION BY …)` does not. */
  private isWindowBaseAhead(): boolean {
    return tokenMatcher(this.LA(1), T.Identifier) && WINDOW_BASE_FOLLOWERS.has(this.LA(2).tokenType);
  }
}

/** Tokens that may follow a parenthesised query inside a larger query. */
const QUERY_CONTINUATIONS: ReadonlySet<TokenType> = new Set([
  T.RParen,
  T.Union,
  T.Except,
  T.Minus,
  T.Intersect,
  T.Order,
  T.Sort,
  T.Distribute,
  T.Cluster,
  T.Limit,
  T.Offset,
]);

const WINDOW_BASE_FOLLOWERS: ReadonlySet<TokenType> = new Set([
  T.RParen,
  T.Partition,
  T.Distribute,
  T.Order,
  T.Sort,
  T.Rows,
  T.Range,
]);

/** Operators that bind tighter than NOT, so a parenthesised group followed by one is an operand. */
const OPERAND_CONTINUATIONS: readonly TokenType[] = [
  T.ComparisonOperator,
  T.AdditiveOperator,
  T.MultiplicativeOperator,
  T.Pipe,
  T.Caret,
  T.Ampersand,
  T.LBracket,
  T.Dot,
  T.DoubleColon,
  T.Is,
  T.In,
  T.Not,
  T.Between,
  T.Like,
  T.Ilike,
  T.Rlike,
  T.Regexp,
];

function continuesOperand(token: IToken, options: { logical: boolean }): boolean {
  if (OPERAND_CONTINUATIONS.some((type) => tokenMatcher(token, type))) return true;
  return (
    options.logical &&
    (tokenMatcher(token, T.And) || tokenMatcher(token, T.Or) || tokenMatcher(token, T.DoubleAmpersand))
  );
}

// ───────────────────────────── error messages ─────────────────────────────

/** "unexpected `FROM`, expected an expression": the found token, then what the grammar wanted, in words. */
const sqlErrorMessages: IParserErrorMessageProvider = {
  // With recovery on, leftover input is reported as a mismatch against EOF at the end of the start rule.
  buildMismatchTokenMessage: ({ expected, actual, ruleName }) =>
    unexpected(actual, expected === EOF ? endOfRule(ruleName) : tokenLabel(expected)),
  buildNotAllInputParsedMessage: ({ firstRedundant, ruleName }) => unexpected(firstRedundant, endOfRule(ruleName)),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, customUserDescription }) =>
    unexpected(actual[0]!, customUserDescription ?? describePaths(expectedPathsPerAlt.flat())),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, customUserDescription }) =>
    unexpected(actual[0]!, customUserDescription ?? describePaths(expectedIterationPaths)),
};

function endOfRule(ruleName: string): string {
  return ruleName === 'script' ? '`;` or end of input' : 'end of input';
}

function unexpected(found: IToken, expected: string): string {
  return `unexpected ${describeToken(found)}, expected ${expected}`;
}

/** How a found token is named in messages: its text, or "end of input". */
function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'end of input';
  const text = token.image.length > 30 ? `${token.image.slice(0, 29)}…` : token.image;
  return `\`${text}\``;
}

function describePaths(paths: readonly (readonly TokenType[])[]): string {
  const labels = [...new Set(paths.filter((path) => path.length > 0).map((path) => tokenLabel(path[0]!)))];
  if (labels.length <= 1) return labels[0] ?? 'something else';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

let parser: SqlParser | undefined;

/**
 * The parser, built on first use: grammar analysis takes tens of milliseconds in a fresh process. Grammar
 * validation runs only under test, where it catches ambiguities; at run time it would only cost start-up time.
 */
export function sqlParser(): SqlParser {
  parser ??= new SqlParser({ validate: !!process.env['VITEST'] });
  return parser;
}

/** Drops the parser after a parse died mid-rule (stack overflow): chevrotain's rule stack is left inconsistent. */
export function discardSqlParser(): void {
  parser = undefined;
}
