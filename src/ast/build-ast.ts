// The CST→AST visitor: turns the parser's concrete syntax tree into the typed AST of ast.ts, with spans.
// It runs only on CSTs the parser accepted without errors; what the grammar cannot check (type names, literal
// suffixes, clause combinations) it reports as diagnostics, all of them, before throwing.
import type { CstElement, CstNode, ICstVisitor, IToken, TokenType } from 'chevrotain';
import type * as C from '../../grammar/cst.js';
import { sqlParser } from '../../grammar/parser.js';
import * as tok from '../../grammar/tokens.js';
import { diagnostic, joinSpans, type Diagnostic, type Position, type Span } from '../common/diagnostic.js';
import { InternalError, SqlError } from '../common/errors.js';
import { arrayOf, decimal, mapOf, MAX_DECIMAL_PRECISION, structOf, T, type DataType } from '../types/data-type.js';
import type * as A from './ast.js';

/** Builds the AST of a whole script; throws SqlError if a construct is invalid beyond the grammar. */
export function buildScript(cst: C.ScriptCstNode, source: string): A.Script {
  return build(source, (builder) => builder.script(cst.children));
}

export function buildQuery(cst: C.QueryCstNode, source: string): A.Query {
  return build(source, (builder) => builder.query(cst.children));
}

export function buildExpression(cst: C.ExpressionCstNode, source: string): A.Expr {
  return build(source, (builder) => builder.expression(cst.children));
}

/** The span of one token: start inclusive, end exclusive. */
export function tokenSpan(token: IToken): Span {
  return {
    start: { offset: token.startOffset, line: token.startLine!, column: token.startColumn! },
    end: { offset: token.endOffset! + 1, line: token.endLine!, column: token.endColumn! + 1 },
  };
}

type AstBuilder = InstanceType<ReturnType<typeof defineAstBuilder>>;
let AstBuilderClass: ReturnType<typeof defineAstBuilder> | undefined;

function build<R>(source: string, run: (builder: AstBuilder) => R): R {
  AstBuilderClass ??= defineAstBuilder(sqlParser().getBaseCstVisitorConstructor<unknown, unknown>());
  const builder = new AstBuilderClass(source);
  const result = run(builder);
  if (builder.diagnostics.length > 0) throw new SqlError(builder.diagnostics);
  return result;
}

/** What a predicate suffix (`IS NULL`, `BETWEEN …`) applies to. */
interface Predicand {
  readonly operand: A.Expr;
  readonly negated: boolean;
  readonly span: Span;
}

/** The visitor class extends the parser's base visitor, which exists only once the parser is built. */
function defineAstBuilder(BaseVisitor: new () => ICstVisitor<unknown, unknown>) {
  // One method per grammar rule, named after it (validateVisitor checks that none is missing). Each takes the
  // rule's CST children; parents call children directly, so every method keeps its precise return type.
  return class AstBuilder extends BaseVisitor implements C.SqlCstVisitor<unknown, unknown> {
    readonly diagnostics: Diagnostic[] = [];

    constructor(readonly source: string) {
      super();
      this.validateVisitor();
    }

    report(code: string, message: string, span: Span): void {
      this.diagnostics.push(diagnostic(code, message, span));
    }

    // ───────────────────────────── statements ─────────────────────────────

    script(ctx: C.ScriptCstChildren): A.Script {
      const statements = (ctx.statement ?? []).map((node) => this.statement(node.children));
      const span = joinSpans(statements[0]?.span, statements[statements.length - 1]?.span);
      return { kind: 'script', statements, ...(span ? { span } : {}) };
    }

    statement(ctx: C.StatementCstChildren): A.Statement {
      if (ctx.query) {
        const query = this.query(only(ctx.query).children);
        return { kind: 'queryStatement', query, span: spanOf(ctx) };
      }
      if (ctx.explainStatement) return this.explainStatement(only(ctx.explainStatement).children);
      if (ctx.createStatement) return this.createStatement(only(ctx.createStatement).children);
      if (ctx.insertStatement) return this.insertStatement(only(ctx.insertStatement).children);
      if (ctx.dropStatement) return this.dropStatement(only(ctx.dropStatement).children);
      if (ctx.setStatement) return this.setStatement(only(ctx.setStatement).children);
      if (ctx.resetStatement) return this.resetStatement(only(ctx.resetStatement).children);
      if (ctx.showTablesStatement) return this.showTablesStatement(only(ctx.showTablesStatement).children);
      if (ctx.describeStatement) return this.describeStatement(only(ctx.describeStatement).children);
      if (ctx.cacheStatement) return this.cacheStatement(only(ctx.cacheStatement).children);
      return this.uncacheStatement(only(ctx.uncacheStatement).children);
    }

    explainStatement(ctx: C.ExplainStatementCstChildren): A.ExplainStatement {
      const mode: A.ExplainMode = ctx.Extended
        ? 'extended'
        : ctx.Formatted
          ? 'formatted'
          : ctx.Cost
            ? 'cost'
            : ctx.Codegen
              ? 'codegen'
              : ctx.Verbose
                ? 'verbose'
                : ctx.Analyze
                  ? 'analyze'
                  : 'simple';
      return { kind: 'explain', mode, statement: this.statement(only(ctx.statement).children), span: spanOf(ctx) };
    }

    createStatement(ctx: C.CreateStatementCstChildren): A.Statement {
      const outer = { orReplace: !!ctx.Replace, span: spanOf(ctx) };
      return ctx.viewDefinition
        ? this.viewDefinition(only(ctx.viewDefinition).children, outer)
        : this.tableDefinition(only(ctx.tableDefinition).children, outer);
    }

    viewDefinition(
      ctx: C.ViewDefinitionCstChildren,
      outer: { orReplace: boolean; span: Span },
    ): A.CreateViewStatement | A.CreateViewUsingStatement {
      const name = this.qualifiedName(only(ctx.qualifiedName).children);
      const global = !!ctx.Global;
      const temporary = !!ctx.Temporary;
      const ifNotExists = !!ctx.If;
      const view = only(ctx.View);
      if (global && !temporary) this.report('SYNTAX_INVALID_STATEMENT', 'a GLOBAL view must be TEMPORARY', tokenSpan(view));
      if (outer.orReplace && ifNotExists) this.reportReplaceAndIfNotExists(only(ctx.If));
      if (ctx.Using) {
        if (!temporary) {
          this.report('SYNTAX_INVALID_STATEMENT', 'a view defined with USING must be TEMPORARY', tokenSpan(view));
        }
        return {
          kind: 'createViewUsing',
          name,
          orReplace: outer.orReplace,
          global,
          format: identifierText(only(ctx.format)).toLowerCase(),
          options: ctx.optionsClause ? this.optionsClause(only(ctx.optionsClause).children) : [],
          span: outer.span,
        };
      }
      return {
        kind: 'createView',
        name,
        orReplace: outer.orReplace,
        global,
        temporary,
        ifNotExists,
        ...(ctx.identifierList ? { columns: this.identifierList(only(ctx.identifierList).children) } : {}),
        query: this.query(only(ctx.query).children),
        span: outer.span,
      };
    }

    tableDefinition(ctx: C.TableDefinitionCstChildren, outer: { orReplace: boolean; span: Span }): A.CreateTableStatement {
      const ifNotExists = !!ctx.If;
      if (outer.orReplace && ifNotExists) this.reportReplaceAndIfNotExists(only(ctx.If));
      this.reportRepeated((ctx.optionsClause ?? []).map((node) => spanOf(node.children)), 'OPTIONS');
      this.reportRepeated((ctx.Partitioned ?? []).map(tokenSpan), 'PARTITIONED BY');
      this.reportRepeated((ctx.Location ?? []).map(tokenSpan), 'LOCATION');
      return {
        kind: 'createTable',
        name: this.qualifiedName(only(ctx.qualifiedName).children),
        orReplace: outer.orReplace,
        ifNotExists,
        ...(ctx.columnDefinition
          ? { columns: ctx.columnDefinition.map((node) => this.columnDefinition(node.children)) }
          : {}),
        format: identifierText(only(ctx.format)).toLowerCase(),
        options: ctx.optionsClause ? this.optionsClause(only(ctx.optionsClause).children) : [],
        partitionedBy: ctx.partitionColumns ? this.identifierList(only(ctx.partitionColumns).children) : [],
        ...(ctx.location ? { location: stringValue(only(ctx.location), this) } : {}),
        ...(ctx.query ? { query: this.query(only(ctx.query).children) } : {}),
        span: outer.span,
      };
    }

    reportReplaceAndIfNotExists(ifToken: IToken): void {
      const message = 'OR REPLACE and IF NOT EXISTS cannot be used together';
      this.report('SYNTAX_INVALID_STATEMENT', message, tokenSpan(ifToken));
    }

    /** A clause the grammar accepts in any order must still appear at most once. */
    reportRepeated(occurrences: readonly Span[], clause: string): void {
      for (const span of occurrences.slice(1)) {
        this.report('SYNTAX_INVALID_STATEMENT', `${clause} is given more than once`, span);
      }
    }

    columnDefinition(ctx: C.ColumnDefinitionCstChildren): A.ColumnDefinition {
      return {
        name: identifierText(only(ctx.Identifier)),
        type: this.dataType(only(ctx.dataType).children),
        nullable: !ctx.Not,
        ...(ctx.StringLiteral ? { comment: stringValue(only(ctx.StringLiteral), this) } : {}),
        span: spanOf(ctx),
      };
    }

    optionsClause(ctx: C.OptionsClauseCstChildren): A.OptionEntry[] {
      return (ctx.optionEntry ?? []).map((node) => this.optionEntry(node.children));
    }

    optionEntry(ctx: C.OptionEntryCstChildren): A.OptionEntry {
      const key = ctx.qualifiedName
        ? this.qualifiedName(only(ctx.qualifiedName).children).join('.')
        : stringValue(only(ctx.key), this);
      const value = ctx.value
        ? stringValue(only(ctx.value), this)
        : ctx.NumberLiteral
          ? `${ctx.MinusSign ? '-' : ''}${only(ctx.NumberLiteral).image}`
          : ctx.True
            ? 'true'
            : 'false';
      return { key, value };
    }

    insertStatement(ctx: C.InsertStatementCstChildren): A.InsertStatement {
      return {
        kind: 'insert',
        table: this.qualifiedName(only(ctx.qualifiedName).children),
        overwrite: !!ctx.Overwrite,
        ...(ctx.partitionSpec ? { partition: this.partitionSpec(only(ctx.partitionSpec).children) } : {}),
        query: this.query(only(ctx.query).children),
        span: spanOf(ctx),
      };
    }

    partitionSpec(ctx: C.PartitionSpecCstChildren): A.PartitionSpecEntry[] {
      return ctx.partitionEntry.map((node) => this.partitionEntry(node.children));
    }

    partitionEntry(ctx: C.PartitionEntryCstChildren): A.PartitionSpecEntry {
      return {
        column: identifierText(only(ctx.Identifier)),
        ...(ctx.expression ? { value: this.expression(only(ctx.expression).children) } : {}),
      };
    }

    dropStatement(ctx: C.DropStatementCstChildren): A.DropStatement {
      return {
        kind: 'drop',
        objectType: ctx.Table ? 'table' : 'view',
        ifExists: !!ctx.If,
        name: this.qualifiedName(only(ctx.qualifiedName).children),
        span: spanOf(ctx),
      };
    }

    setStatement(ctx: C.SetStatementCstChildren): A.SetStatement {
      const span = spanOf(ctx);
      if (!ctx.keyText && ctx.Equals) {
        const message = 'unexpected `=`, expected the name of a setting';
        this.report('SYNTAX_UNEXPECTED_TOKEN', message, tokenSpan(only(ctx.Equals)));
      }
      return {
        kind: 'set',
        ...(ctx.keyText ? { key: this.rawText(ctx.keyText) } : {}),
        ...(ctx.Equals ? { value: ctx.valueText ? this.rawText(ctx.valueText) : '' } : {}),
        span,
      };
    }

    resetStatement(ctx: C.ResetStatementCstChildren): A.ResetStatement {
      return { kind: 'reset', ...(ctx.keyText ? { key: this.rawText(ctx.keyText) } : {}), span: spanOf(ctx) };
    }

    /** The source text from the first token to the last, as written (comments between them included). */
    rawText(tokens: readonly IToken[]): string {
      return this.source.slice(tokens[0]!.startOffset, tokens[tokens.length - 1]!.endOffset! + 1).trim();
    }

    showTablesStatement(ctx: C.ShowTablesStatementCstChildren): A.ShowTablesStatement {
      return { kind: 'showTables', span: spanOf(ctx) };
    }

    describeStatement(ctx: C.DescribeStatementCstChildren): A.DescribeStatement {
      return {
        kind: 'describe',
        extended: !!(ctx.Extended ?? ctx.Formatted),
        table: this.qualifiedName(only(ctx.qualifiedName).children),
        span: spanOf(ctx),
      };
    }

    cacheStatement(ctx: C.CacheStatementCstChildren): A.CacheTableStatement {
      return {
        kind: 'cacheTable',
        lazy: !!ctx.Lazy,
        name: this.qualifiedName(only(ctx.qualifiedName).children),
        ...(ctx.query ? { query: this.query(only(ctx.query).children) } : {}),
        span: spanOf(ctx),
      };
    }

    uncacheStatement(ctx: C.UncacheStatementCstChildren): A.UncacheTableStatement {
      return {
        kind: 'uncacheTable',
        ifExists: !!ctx.If,
        name: this.qualifiedName(only(ctx.qualifiedName).children),
        span: spanOf(ctx),
      };
    }

    // ───────────────────────────── queries ─────────────────────────────

    query(ctx: C.QueryCstChildren): A.Query {
      return {
        kind: 'query',
        ...(ctx.withClause ? { with: this.withClause(only(ctx.withClause).children) } : {}),
        body: this.queryTerm(only(ctx.queryTerm).children),
        orderBy: (ctx.orderBy ?? []).map((node) => this.sortItem(node.children)),
        sortBy: (ctx.sortBy ?? []).map((node) => this.sortItem(node.children)),
        distributeBy: (ctx.distributeBy ?? []).map((node) => this.expression(node.children)),
        clusterBy: (ctx.clusterBy ?? []).map((node) => this.expression(node.children)),
        ...(ctx.limit ? { limit: this.expression(only(ctx.limit).children) } : {}),
        ...(ctx.offset ? { offset: this.expression(only(ctx.offset).children) } : {}),
        span: spanOf(ctx),
      };
    }

    withClause(ctx: C.WithClauseCstChildren): A.WithClause {
      return {
        recursive: !!ctx.Recursive,
        ctes: ctx.commonTableExpression.map((node) => this.commonTableExpression(node.children)),
        span: spanOf(ctx),
      };
    }

    commonTableExpression(ctx: C.CommonTableExpressionCstChildren): A.CommonTableExpression {
      return {
        name: identifierText(only(ctx.Identifier)),
        ...(ctx.identifierList ? { columns: this.identifierList(only(ctx.identifierList).children) } : {}),
        query: this.query(only(ctx.query).children),
        span: spanOf(ctx),
      };
    }

    queryTerm(ctx: C.QueryTermCstChildren): A.QueryBody {
      const terms = ctx.queryIntersection.map((node) => this.queryIntersection(node.children));
      const operators = (ctx.unionOperator ?? []).map((node) => this.unionOperator(node.children));
      return operators.reduce<A.QueryBody>(
        (left, { op, all }, i) => setOperation(op, all, left, terms[i + 1]!),
        terms[0]!,
      );
    }

    unionOperator(ctx: C.UnionOperatorCstChildren): { op: A.SetOperator; all: boolean } {
      return { op: ctx.Union ? 'union' : 'except', all: !!ctx.All };
    }

    queryIntersection(ctx: C.QueryIntersectionCstChildren): A.QueryBody {
      const terms = ctx.queryPrimary.map((node) => this.queryPrimary(node.children));
      const alls = (ctx.intersectOperator ?? []).map((node) => this.intersectOperator(node.children));
      return alls.reduce<A.QueryBody>((left, all, i) => setOperation('intersect', all, left, terms[i + 1]!), terms[0]!);
    }

    /** Whether the INTERSECT keeps duplicates (ALL). */
    intersectOperator(ctx: C.IntersectOperatorCstChildren): boolean {
      return !!ctx.All;
    }

    queryPrimary(ctx: C.QueryPrimaryCstChildren): A.QueryBody {
      if (ctx.select) return this.select(only(ctx.select).children);
      if (ctx.valuesClause) return { kind: 'valuesBody', ...this.valuesClause(only(ctx.valuesClause).children) };
      if (ctx.tableQuery) return this.tableQuery(only(ctx.tableQuery).children);
      return this.parenthesizedQuery(only(ctx.parenthesizedQuery).children);
    }

    parenthesizedQuery(ctx: C.ParenthesizedQueryCstChildren): A.NestedQuery {
      return { kind: 'nestedQuery', query: this.query(only(ctx.query).children), span: spanOf(ctx) };
    }

    tableQuery(ctx: C.TableQueryCstChildren): A.TableBody {
      return { kind: 'tableBody', name: this.qualifiedName(only(ctx.qualifiedName).children), span: spanOf(ctx) };
    }

    valuesClause(ctx: C.ValuesClauseCstChildren): { rows: A.Expr[][]; span: Span } {
      return { rows: ctx.valuesRow.map((node) => this.valuesRow(node.children)), span: spanOf(ctx) };
    }

    valuesRow(ctx: C.ValuesRowCstChildren): A.Expr[] {
      return (ctx.expression ?? []).map((node) => this.expression(node.children));
    }

    select(ctx: C.SelectCstChildren): A.Select {
      return {
        kind: 'select',
        hints: (ctx.hint ?? []).flatMap((node) => this.hint(node.children)),
        distinct: !!ctx.Distinct,
        items: ctx.selectItem.map((node) => this.selectItem(node.children)),
        from: (ctx.relation ?? []).map((node) => this.relation(node.children)),
        ...(ctx.where ? { where: this.expression(only(ctx.where).children) } : {}),
        ...(ctx.groupByClause ? { groupBy: this.groupByClause(only(ctx.groupByClause).children) } : {}),
        ...(ctx.having ? { having: this.expression(only(ctx.having).children) } : {}),
        windows: (ctx.namedWindow ?? []).map((node) => this.namedWindow(node.children)),
        ...(ctx.qualify ? { qualify: this.expression(only(ctx.qualify).children) } : {}),
        span: spanOf(ctx),
      };
    }

    hint(ctx: C.HintCstChildren): A.Hint[] {
      return ctx.hintStatement.map((node) => this.hintStatement(node.children));
    }

    hintStatement(ctx: C.HintStatementCstChildren): A.Hint {
      return {
        name: identifierText(only(ctx.Identifier)).toUpperCase(),
        args: (ctx.hintArgument ?? []).map((node) => this.hintArgument(node.children)),
        span: spanOf(ctx),
      };
    }

    hintArgument(ctx: C.HintArgumentCstChildren): A.Expr {
      if (ctx.NumberLiteral) return this.numberLiteral(only(ctx.NumberLiteral));
      if (ctx.StringLiteral) {
        const token = only(ctx.StringLiteral);
        return { kind: 'literal', literal: { type: 'string', value: stringValue(token, this) }, span: tokenSpan(token) };
      }
      return { kind: 'column', parts: this.qualifiedName(only(ctx.qualifiedName).children), span: spanOf(ctx) };
    }

    selectItem(ctx: C.SelectItemCstChildren): A.SelectItem {
      if (ctx.starReference) {
        const qualifier = this.starReference(only(ctx.starReference).children);
        return { kind: 'star', ...(qualifier ? { qualifier } : {}), span: spanOf(ctx) };
      }
      return {
        kind: 'exprItem',
        expr: this.expression(only(ctx.expression).children),
        ...(ctx.alias ? { alias: this.alias(only(ctx.alias).children) } : {}),
        span: spanOf(ctx),
      };
    }

    alias(ctx: C.AliasCstChildren): string {
      return identifierText(only(ctx.Identifier));
    }

    /** The qualifier of `t.*`, or undefined for a bare `*`. */
    starReference(ctx: C.StarReferenceCstChildren): string[] | undefined {
      return ctx.Identifier?.map(identifierText);
    }

    groupByClause(ctx: C.GroupByClauseCstChildren): A.GroupBy {
      const span = spanOf(ctx);
      if (ctx.All) return { all: true, elements: [], span };
      const elements = (ctx.groupingElement ?? []).map((node) => this.groupingElement(node.children));
      if (!ctx.With) return { all: false, elements, span };
      // `GROUP BY a, b WITH ROLLUP` means `GROUP BY ROLLUP(a, b)`.
      const items: A.Expr[][] = [];
      for (const element of elements) {
        if (element.kind === 'groupExpr') items.push([element.expr]);
        else {
          const message = 'WITH ROLLUP and WITH CUBE apply only to plain expressions';
          this.report('SYNTAX_INVALID_GROUP_BY', message, element.span!);
        }
      }
      const keyword = only(ctx.Rollup ?? ctx.Cube);
      const kind = ctx.Rollup ? 'rollup' : 'cube';
      return { all: false, elements: [{ kind, items, span: joinSpans(elements[0]!.span, tokenSpan(keyword))! }], span };
    }

    groupingElement(ctx: C.GroupingElementCstChildren): A.GroupingElement {
      if (ctx.rollupOrCube) return this.rollupOrCube(only(ctx.rollupOrCube).children);
      if (ctx.groupingSets) return this.groupingSets(only(ctx.groupingSets).children);
      const expr = this.expression(only(ctx.expression).children);
      return { kind: 'groupExpr', expr, span: spanOf(ctx) };
    }

    rollupOrCube(ctx: C.RollupOrCubeCstChildren): A.GroupingElement {
      const items = ctx.groupingSet.map((node) => this.groupingSet(node.children));
      return { kind: ctx.Rollup ? 'rollup' : 'cube', items, span: spanOf(ctx) };
    }

    groupingSets(ctx: C.GroupingSetsCstChildren): A.GroupingElement {
      const sets = ctx.groupingSet.map((node) => this.groupingSet(node.children));
      return { kind: 'groupingSets', sets, span: spanOf(ctx) };
    }

    groupingSet(ctx: C.GroupingSetCstChildren): A.Expr[] {
      return (ctx.expression ?? []).map((node) => this.expression(node.children));
    }

    namedWindow(ctx: C.NamedWindowCstChildren): A.NamedWindow {
      return {
        name: identifierText(only(ctx.Identifier)),
        spec: this.windowSpec(only(ctx.windowSpec).children),
        span: spanOf(ctx),
      };
    }

    sortItem(ctx: C.SortItemCstChildren): A.SortItem {
      return {
        expr: this.expression(only(ctx.expression).children),
        ...(ctx.Asc ? { direction: 'asc' as const } : ctx.Desc ? { direction: 'desc' as const } : {}),
        ...(ctx.First ? { nulls: 'first' as const } : ctx.Last ? { nulls: 'last' as const } : {}),
        span: spanOf(ctx),
      };
    }

    // ───────────────────────────── relations ─────────────────────────────

    relation(ctx: C.RelationCstChildren): A.Relation {
      let relation = this.relationPrimary(only(ctx.relationPrimary).children);
      for (const join of ctx.joinClause ?? []) relation = this.joinClause(join.children, relation);
      return relation;
    }

    joinClause(ctx: C.JoinClauseCstChildren, left: A.Relation): A.JoinRelation {
      const joinType = this.joinType(only(ctx.joinType).children);
      const natural = !!ctx.Natural;
      const criteria = ctx.joinCriteria ? this.joinCriteria(only(ctx.joinCriteria).children) : undefined;
      if (natural && criteria) {
        const message = 'a NATURAL join cannot have ON or USING';
        this.report('SYNTAX_INVALID_JOIN', message, spanOf(only(ctx.joinCriteria).children));
      }
      if (natural && joinType === 'cross') {
        this.report('SYNTAX_INVALID_JOIN', 'NATURAL CROSS JOIN is not supported', tokenSpan(only(ctx.Natural)));
      }
      return {
        kind: 'join',
        joinType,
        natural,
        left,
        right: this.relationPrimary(only(ctx.relationPrimary).children),
        ...(criteria ? { criteria } : {}),
        span: joinSpans(left.span, spanOf(ctx))!,
      };
    }

    joinType(ctx: C.JoinTypeCstChildren): A.JoinType {
      if (ctx.Cross) return 'cross';
      if (ctx.Semi) return 'semi';
      if (ctx.Anti) return 'anti';
      if (ctx.Left) return 'left';
      if (ctx.Right) return 'right';
      if (ctx.Full) return 'full';
      return 'inner';
    }

    joinCriteria(ctx: C.JoinCriteriaCstChildren): A.JoinCriteria {
      if (ctx.expression) return { kind: 'on', condition: this.expression(only(ctx.expression).children) };
      return { kind: 'using', columns: this.identifierList(only(ctx.identifierList).children) };
    }

    relationPrimary(ctx: C.RelationPrimaryCstChildren): A.Relation {
      if (ctx.subqueryRelation) return this.subqueryRelation(only(ctx.subqueryRelation).children);
      if (ctx.parenthesizedRelation) return this.parenthesizedRelation(only(ctx.parenthesizedRelation).children);
      if (ctx.valuesRelation) return this.valuesRelation(only(ctx.valuesRelation).children);
      return this.namedRelation(only(ctx.namedRelation).children);
    }

    subqueryRelation(ctx: C.SubqueryRelationCstChildren): A.SubqueryRelation {
      return {
        kind: 'subqueryRef',
        query: this.query(only(ctx.query).children),
        ...(ctx.tableAlias ? { alias: this.tableAlias(only(ctx.tableAlias).children) } : {}),
        span: spanOf(ctx),
      };
    }

    parenthesizedRelation(ctx: C.ParenthesizedRelationCstChildren): A.Relation {
      return this.relation(only(ctx.relation).children);
    }

    valuesRelation(ctx: C.ValuesRelationCstChildren): A.ValuesRelation {
      return {
        kind: 'valuesRef',
        rows: this.valuesClause(only(ctx.valuesClause).children).rows,
        ...(ctx.tableAlias ? { alias: this.tableAlias(only(ctx.tableAlias).children) } : {}),
        span: spanOf(ctx),
      };
    }

    namedRelation(ctx: C.NamedRelationCstChildren): A.Relation {
      const nameNode = only(ctx.qualifiedName).children;
      const name = this.qualifiedName(nameNode);
      const alias = ctx.tableAlias ? { alias: this.tableAlias(only(ctx.tableAlias).children) } : {};
      const span = spanOf(ctx);
      if (ctx.LParen) {
        const args = (ctx.expression ?? []).map((node) => this.expression(node.children));
        return { kind: 'tableFunctionRef', name, args, ...alias, span };
      }
      // ``parquet.`/data/t` `` reads files: a known format, then a backquoted path (as Spark decides it).
      const [format, path] = name;
      if (
        name.length === 2 &&
        FILE_FORMATS.has(format!.toLowerCase()) &&
        nameNode.Identifier[1]!.tokenType === tok.QuotedIdentifier
      ) {
        return { kind: 'fileRef', format: format!.toLowerCase(), path: path!, ...alias, span };
      }
      return { kind: 'tableRef', name, ...alias, span };
    }

    tableAlias(ctx: C.TableAliasCstChildren): A.TableAlias {
      return {
        name: identifierText(only(ctx.Identifier)),
        ...(ctx.identifierList ? { columns: this.identifierList(only(ctx.identifierList).children) } : {}),
        span: spanOf(ctx),
      };
    }

    // ───────────────────────────── expressions ─────────────────────────────

    expression(ctx: C.ExpressionCstChildren): A.Expr {
      const operands = ctx.andExpression.map((node) => this.andExpression(node.children));
      return foldBinary(operands, ctx.Or, () => 'or');
    }

    andExpression(ctx: C.AndExpressionCstChildren): A.Expr {
      const operands = ctx.notExpression.map((node) => this.notExpression(node.children));
      return foldBinary(operands, sortedTokens(ctx.And, ctx.DoubleAmpersand), () => 'and');
    }

    notExpression(ctx: C.NotExpressionCstChildren): A.Expr {
      const span = spanOf(ctx);
      if (ctx.existsExpression) {
        return { ...this.existsExpression(only(ctx.existsExpression).children), negated: true, span };
      }
      if (ctx.notExpression) {
        return { kind: 'unary', op: 'not', operand: this.notExpression(only(ctx.notExpression).children), span };
      }
      return this.predicated(only(ctx.predicated).children);
    }

    predicated(ctx: C.PredicatedCstChildren): A.Expr {
      if (ctx.tupleInSubquery) return this.tupleInSubquery(only(ctx.tupleInSubquery).children);
      const operand = this.valueExpression(only(ctx.valueExpression).children);
      return ctx.predicateSuffix ? this.predicateSuffix(only(ctx.predicateSuffix).children, operand) : operand;
    }

    tupleInSubquery(ctx: C.TupleInSubqueryCstChildren): A.InSubqueryExpr {
      return {
        kind: 'inSubquery',
        negated: !!ctx.Not,
        operands: ctx.expression.map((node) => this.expression(node.children)),
        query: this.query(only(ctx.query).children),
        span: spanOf(ctx),
      };
    }

    predicateSuffix(ctx: C.PredicateSuffixCstChildren, operand: A.Expr): A.Expr {
      if (ctx.isPredicate) return this.isPredicate(only(ctx.isPredicate).children, operand);
      const predicand: Predicand = { operand, negated: !!ctx.Not, span: joinSpans(operand.span, spanOf(ctx))! };
      if (ctx.betweenPredicate) return this.betweenPredicate(only(ctx.betweenPredicate).children, predicand);
      if (ctx.inPredicate) return this.inPredicate(only(ctx.inPredicate).children, predicand);
      if (ctx.likePredicate) return this.likePredicate(only(ctx.likePredicate).children, predicand);
      return this.rlikePredicate(only(ctx.rlikePredicate).children, predicand);
    }

    isPredicate(ctx: C.IsPredicateCstChildren, operand: A.Expr): A.Expr {
      const span = joinSpans(operand.span, spanOf(ctx))!;
      const negated = !!ctx.Not;
      if (ctx.Null) return { kind: 'isNull', negated, operand, span };
      const right = this.valueExpression(only(ctx.valueExpression).children);
      return { kind: 'isDistinctFrom', negated, left: operand, right, span };
    }

    betweenPredicate(ctx: C.BetweenPredicateCstChildren, p: Predicand): A.BetweenExpr {
      return {
        kind: 'between',
        negated: p.negated,
        operand: p.operand,
        low: this.valueExpression(only(ctx.low).children),
        high: this.valueExpression(only(ctx.high).children),
        span: p.span,
      };
    }

    inPredicate(ctx: C.InPredicateCstChildren, p: Predicand): A.InListExpr | A.InSubqueryExpr {
      if (ctx.query) {
        const query = this.query(only(ctx.query).children);
        return { kind: 'inSubquery', negated: p.negated, operands: [p.operand], query, span: p.span };
      }
      const list = (ctx.expression ?? []).map((node) => this.expression(node.children));
      return { kind: 'inList', negated: p.negated, operand: p.operand, list, span: p.span };
    }

    likePredicate(ctx: C.LikePredicateCstChildren, p: Predicand): A.LikeExpr {
      const op: 'like' | 'ilike' = ctx.Ilike ? 'ilike' : 'like';
      const common = { kind: 'like' as const, op, negated: p.negated, operand: p.operand, span: p.span };
      if (ctx.LParen) {
        const patterns = (ctx.expression ?? []).map((node) => this.expression(node.children));
        return { ...common, quantifier: ctx.All ? 'all' : 'any', patterns };
      }
      const patterns = [this.valueExpression(only(ctx.valueExpression).children)];
      if (!ctx.StringLiteral) return { ...common, patterns };
      const escapeToken = only(ctx.StringLiteral);
      const escape = stringValue(escapeToken, this);
      if ([...escape].length !== 1) {
        this.report('SYNTAX_INVALID_LITERAL', 'the ESCAPE string must be one character', tokenSpan(escapeToken));
      }
      return { ...common, patterns, escape };
    }

    rlikePredicate(ctx: C.RlikePredicateCstChildren, p: Predicand): A.LikeExpr {
      const pattern = this.valueExpression(only(ctx.valueExpression).children);
      return { kind: 'like', op: 'rlike', negated: p.negated, operand: p.operand, patterns: [pattern], span: p.span };
    }

    valueExpression(ctx: C.ValueExpressionCstChildren): A.Expr {
      const operands = ctx.bitwiseOr.map((node) => this.bitwiseOr(node.children));
      return foldBinary(operands, ctx.ComparisonOperator, (token) => COMPARISON_OPERATORS.get(token.tokenType)!);
    }

    bitwiseOr(ctx: C.BitwiseOrCstChildren): A.Expr {
      return foldBinary(ctx.bitwiseXor.map((node) => this.bitwiseXor(node.children)), ctx.Pipe, () => '|');
    }

    bitwiseXor(ctx: C.BitwiseXorCstChildren): A.Expr {
      return foldBinary(ctx.bitwiseAnd.map((node) => this.bitwiseAnd(node.children)), ctx.Caret, () => '^');
    }

    bitwiseAnd(ctx: C.BitwiseAndCstChildren): A.Expr {
      const operands = ctx.additiveExpression.map((node) => this.additiveExpression(node.children));
      return foldBinary(operands, ctx.Ampersand, () => '&');
    }

    additiveExpression(ctx: C.AdditiveExpressionCstChildren): A.Expr {
      const operands = ctx.multiplicativeExpression.map((node) => this.multiplicativeExpression(node.children));
      return foldBinary(operands, ctx.AdditiveOperator, (token) => token.image as '+' | '-' | '||');
    }

    multiplicativeExpression(ctx: C.MultiplicativeExpressionCstChildren): A.Expr {
      const operands = ctx.unaryExpression.map((node) => this.unaryExpression(node.children));
      return foldBinary(operands, ctx.MultiplicativeOperator, (token) =>
        token.tokenType === tok.Div ? 'div' : (token.image as '*' | '/' | '%'),
      );
    }

    unaryExpression(ctx: C.UnaryExpressionCstChildren): A.Expr {
      if (ctx.postfixExpression) return this.postfixExpression(only(ctx.postfixExpression).children);
      const op = only(ctx.UnaryOperator).image as '-' | '+' | '~';
      return { kind: 'unary', op, operand: this.unaryExpression(only(ctx.unaryExpression).children), span: spanOf(ctx) };
    }

    postfixExpression(ctx: C.PostfixExpressionCstChildren): A.Expr {
      const base = this.primaryExpression(only(ctx.primaryExpression).children);
      return (ctx.postfixOperator ?? []).reduce((expr, node) => this.postfixOperator(node.children, expr), base);
    }

    postfixOperator(ctx: C.PostfixOperatorCstChildren, base: A.Expr): A.Expr {
      const span = joinSpans(base.span, spanOf(ctx))!;
      if (ctx.expression) return { kind: 'subscript', base, index: this.expression(only(ctx.expression).children), span };
      if (ctx.Identifier) return { kind: 'fieldAccess', base, field: identifierText(only(ctx.Identifier)), span };
      return { kind: 'cast', safe: false, operand: base, type: this.dataType(only(ctx.dataType).children), span };
    }

    primaryExpression(ctx: C.PrimaryExpressionCstChildren): A.Expr {
      if (ctx.constant) return this.constant(only(ctx.constant).children);
      if (ctx.typedLiteral) return this.typedLiteral(only(ctx.typedLiteral).children);
      if (ctx.intervalLiteral) return this.intervalLiteral(only(ctx.intervalLiteral).children);
      if (ctx.caseExpression) return this.caseExpression(only(ctx.caseExpression).children);
      if (ctx.castExpression) return this.castExpression(only(ctx.castExpression).children);
      if (ctx.extractExpression) return this.extractExpression(only(ctx.extractExpression).children);
      if (ctx.existsExpression) return this.existsExpression(only(ctx.existsExpression).children);
      if (ctx.parenthesizedExpression) return this.parenthesizedExpression(only(ctx.parenthesizedExpression).children);
      if (ctx.reservedNameCall) return this.reservedNameCall(only(ctx.reservedNameCall).children);
      return this.columnOrCall(only(ctx.columnOrCall).children);
    }

    constant(ctx: C.ConstantCstChildren): A.LiteralExpr {
      const span = spanOf(ctx);
      if (ctx.NumberLiteral) return this.numberLiteral(only(ctx.NumberLiteral));
      if (ctx.StringLiteral) {
        const value = ctx.StringLiteral.map((token) => stringValue(token, this)).join('');
        return { kind: 'literal', literal: { type: 'string', value }, span };
      }
      if (ctx.BinaryLiteral) {
        const hex = only(ctx.BinaryLiteral).image.slice(2, -1);
        if (!/^[0-9a-fA-F]*$/.test(hex)) {
          this.report('SYNTAX_INVALID_LITERAL', `\`X'${hex}'\` is not hexadecimal`, span);
        }
        return { kind: 'literal', literal: { type: 'binary', hex }, span };
      }
      if (ctx.Null) return { kind: 'literal', literal: { type: 'null' }, span };
      return { kind: 'literal', literal: { type: 'boolean', value: !!ctx.True }, span };
    }

    numberLiteral(token: IToken): A.LiteralExpr {
      const span = tokenSpan(token);
      const [, text, suffix] = /^(.*?)(bd|[lsydf])?$/i.exec(token.image)!;
      const upper = suffix?.toUpperCase() as A.NumberSuffix | undefined;
      if ((upper === 'L' || upper === 'S' || upper === 'Y') && !/^\d+$/.test(text!)) {
        this.report('SYNTAX_INVALID_LITERAL', `\`${token.image}\`: the ${upper} suffix needs an integer`, span);
      }
      return { kind: 'literal', literal: { type: 'number', text: text!, ...(upper ? { suffix: upper } : {}) }, span };
    }

    typedLiteral(ctx: C.TypedLiteralCstChildren): A.LiteralExpr {
      const typeName = ctx.DateKeyword
        ? 'date'
        : ctx.TimestampNtz
          ? 'timestamp_ntz'
          : ctx.TimestampLtz
            ? 'timestamp_ltz'
            : 'timestamp';
      const value = stringValue(only(ctx.StringLiteral), this);
      return { kind: 'literal', literal: { type: 'typed', typeName, value }, span: spanOf(ctx) };
    }

    intervalLiteral(ctx: C.IntervalLiteralCstChildren): A.IntervalExpr {
      const span = spanOf(ctx);
      const values = ctx.intervalValue.map((node) => this.intervalValue(node.children));
      const units = (ctx.IntervalUnit ?? []).map((token) => INTERVAL_UNITS.get(token.tokenType)!);
      // Without a unit the grammar took a single string: `INTERVAL '1 day 2 hours'`.
      if (units.length === 0) return { kind: 'interval', parts: [{ value: values[0]! }], span };
      const parts = values.map((value, i) => ({ value, unit: units[i]! }));
      if (!ctx.toUnit) return { kind: 'interval', parts, span };
      const from = units[0]!;
      const to = INTERVAL_UNITS.get(only(ctx.toUnit).tokenType)!;
      if (!INTERVAL_RANGES[from]?.includes(to)) {
        const message = `\`${from.toUpperCase()} TO ${to.toUpperCase()}\` is not an interval range`;
        this.report('SYNTAX_INVALID_LITERAL', message, span);
      }
      return { kind: 'interval', parts, to, span };
    }

    /** A signed number or string, as text; a minus sign negates, so `-'-3'` is `3`. */
    intervalValue(ctx: C.IntervalValueCstChildren): string {
      const text = ctx.StringLiteral ? stringValue(only(ctx.StringLiteral), this).trim() : only(ctx.NumberLiteral).image;
      if (!ctx.MinusSign) return text;
      return text.startsWith('-') ? text.slice(1) : `-${text}`;
    }

    caseExpression(ctx: C.CaseExpressionCstChildren): A.CaseExpr {
      return {
        kind: 'case',
        ...(ctx.operand ? { operand: this.expression(only(ctx.operand).children) } : {}),
        whens: ctx.whenClause.map((node) => this.whenClause(node.children)),
        ...(ctx.elseResult ? { else: this.expression(only(ctx.elseResult).children) } : {}),
        span: spanOf(ctx),
      };
    }

    whenClause(ctx: C.WhenClauseCstChildren): { when: A.Expr; then: A.Expr } {
      return { when: this.expression(only(ctx.condition).children), then: this.expression(only(ctx.result).children) };
    }

    castExpression(ctx: C.CastExpressionCstChildren): A.CastExpr {
      return {
        kind: 'cast',
        safe: !!ctx.TryCast,
        operand: this.expression(only(ctx.expression).children),
        type: this.dataType(only(ctx.dataType).children),
        span: spanOf(ctx),
      };
    }

    extractExpression(ctx: C.ExtractExpressionCstChildren): A.ExtractExpr {
      return {
        kind: 'extract',
        field: identifierText(only(ctx.field)).toLowerCase(),
        operand: this.expression(only(ctx.expression).children),
        span: spanOf(ctx),
      };
    }

    existsExpression(ctx: C.ExistsExpressionCstChildren): A.ExistsExpr {
      return { kind: 'exists', negated: false, query: this.query(only(ctx.query).children), span: spanOf(ctx) };
    }

    /** A scalar subquery, or the parenthesised expression itself (parentheses leave no trace in the AST). */
    parenthesizedExpression(ctx: C.ParenthesizedExpressionCstChildren): A.Expr {
      if (ctx.query) return { kind: 'scalarSubquery', query: this.query(only(ctx.query).children), span: spanOf(ctx) };
      return this.expression(only(ctx.expression).children);
    }

    reservedNameCall(ctx: C.ReservedNameCallCstChildren): A.FunctionCallExpr {
      const name = only(ctx.Left ?? ctx.Right);
      return this.callTail(only(ctx.callTail).children, { name: [name.image], span: tokenSpan(name) });
    }

    columnOrCall(ctx: C.ColumnOrCallCstChildren): A.ColumnExpr | A.FunctionCallExpr {
      const nameNode = only(ctx.qualifiedName);
      const name = this.qualifiedName(nameNode.children);
      if (ctx.callTail) return this.callTail(only(ctx.callTail).children, { name, span: spanOf(nameNode.children) });
      return { kind: 'column', parts: name, span: spanOf(ctx) };
    }

    callTail(ctx: C.CallTailCstChildren, callee: { name: string[]; span: Span }): A.FunctionCallExpr {
      return {
        kind: 'call',
        name: callee.name,
        distinct: !!ctx.Distinct,
        args: (ctx.functionArgument ?? []).map((node) => this.functionArgument(node.children)),
        ...(ctx.filter ? { filter: this.expression(only(ctx.filter).children) } : {}),
        ...(ctx.Ignore ? { nulls: 'ignore' as const } : ctx.Respect ? { nulls: 'respect' as const } : {}),
        ...(ctx.overClause ? { over: this.overClause(only(ctx.overClause).children) } : {}),
        span: joinSpans(callee.span, spanOf(ctx))!,
      };
    }

    functionArgument(ctx: C.FunctionArgumentCstChildren): A.Expr {
      if (ctx.expression) return this.expression(only(ctx.expression).children);
      const qualifier = this.starReference(only(ctx.starReference).children);
      return { kind: 'starArg', ...(qualifier ? { qualifier } : {}), span: spanOf(ctx) };
    }

    overClause(ctx: C.OverClauseCstChildren): A.WindowSpec | A.WindowRef {
      if (ctx.windowSpec) return this.windowSpec(only(ctx.windowSpec).children);
      const name = only(ctx.Identifier);
      return { kind: 'windowRef', name: identifierText(name), span: tokenSpan(name) };
    }

    windowSpec(ctx: C.WindowSpecCstChildren): A.WindowSpec {
      return {
        kind: 'windowSpec',
        ...(ctx.base ? { base: identifierText(only(ctx.base)) } : {}),
        partitionBy: (ctx.partitionBy ?? []).map((node) => this.expression(node.children)),
        orderBy: (ctx.sortItem ?? []).map((node) => this.sortItem(node.children)),
        ...(ctx.windowFrame ? { frame: this.windowFrame(only(ctx.windowFrame).children) } : {}),
        span: spanOf(ctx),
      };
    }

    windowFrame(ctx: C.WindowFrameCstChildren): A.WindowFrame {
      return {
        unit: ctx.Rows ? 'rows' : 'range',
        start: this.frameBound(only(ctx.start).children),
        ...(ctx.end ? { end: this.frameBound(only(ctx.end).children) } : {}),
        span: spanOf(ctx),
      };
    }

    frameBound(ctx: C.FrameBoundCstChildren): A.FrameBound {
      if (ctx.Unbounded) return { kind: ctx.Preceding ? 'unboundedPreceding' : 'unboundedFollowing' };
      if (ctx.Current) return { kind: 'currentRow' };
      const offset = this.valueExpression(only(ctx.valueExpression).children);
      return { kind: ctx.Preceding ? 'preceding' : 'following', offset };
    }

    // ───────────────────────────── names and types ─────────────────────────────

    qualifiedName(ctx: C.QualifiedNameCstChildren): string[] {
      return ctx.Identifier.map(identifierText);
    }

    identifierList(ctx: C.IdentifierListCstChildren): string[] {
      return ctx.Identifier.map(identifierText);
    }

    dataType(ctx: C.DataTypeCstChildren): DataType {
      if (ctx.arrayType) return this.arrayType(only(ctx.arrayType).children);
      if (ctx.mapType) return this.mapType(only(ctx.mapType).children);
      if (ctx.structType) return this.structType(only(ctx.structType).children);
      return this.primitiveType(only(ctx.primitiveType).children);
    }

    arrayType(ctx: C.ArrayTypeCstChildren): DataType {
      return arrayOf(this.dataType(only(ctx.dataType).children));
    }

    mapType(ctx: C.MapTypeCstChildren): DataType {
      return mapOf(this.dataType(only(ctx.keyType).children), this.dataType(only(ctx.valueType).children));
    }

    structType(ctx: C.StructTypeCstChildren): DataType {
      return structOf((ctx.structField ?? []).map((node) => this.structField(node.children)));
    }

    structField(ctx: C.StructFieldCstChildren): { name: string; type: DataType; nullable: boolean } {
      return {
        name: identifierText(only(ctx.Identifier)),
        type: this.dataType(only(ctx.dataType).children),
        nullable: !ctx.Not,
      };
    }

    /** Spark's type names and synonyms; `varchar(n)` and `char(n)` are strings, `decimal` is decimal(10,0). */
    primitiveType(ctx: C.PrimitiveTypeCstChildren): DataType {
      const nameToken = only(ctx.Identifier);
      const name = identifierText(nameToken).toLowerCase();
      const params = (ctx.NumberLiteral ?? []).map((token) => Number(token.image));
      const span = spanOf(ctx);
      const simple = SIMPLE_TYPES.get(name);
      if (simple) {
        if (params.length > 0) this.report('SYNTAX_INVALID_TYPE', `\`${name}\` takes no parameters`, span);
        return simple;
      }
      if (name === 'varchar' || name === 'char' || name === 'character') {
        if (params.length !== 1) this.report('SYNTAX_INVALID_TYPE', `\`${name}\` needs one length, as in ${name}(10)`, span);
        return T.string;
      }
      if (name === 'decimal' || name === 'dec' || name === 'numeric') {
        const [precision = 10, scale = 0] = params;
        const valid =
          params.length <= 2 &&
          params.every(Number.isInteger) &&
          precision >= 1 &&
          precision <= MAX_DECIMAL_PRECISION &&
          scale <= precision;
        if (!valid) {
          const written = this.source.slice(span.start.offset, span.end.offset);
          const rule = `1 ≤ precision ≤ ${MAX_DECIMAL_PRECISION} and 0 ≤ scale ≤ precision`;
          this.report('SYNTAX_INVALID_TYPE', `\`${written}\`: a decimal needs ${rule}`, span);
        }
        return decimal(precision, scale);
      }
      this.report('SYNTAX_UNKNOWN_TYPE', `unknown type \`${identifierText(nameToken)}\``, tokenSpan(nameToken));
      return T.string;
    }
  };
}

// ───────────────────────────── helpers ─────────────────────────────

/** The one node or token the grammar guarantees; its absence is a bug in the grammar or here. */
function only<E>(elements: readonly E[] | undefined): E {
  const first = elements?.[0];
  if (first === undefined) throw new InternalError('the CST lacks a child the grammar requires');
  return first;
}

function startOf(element: CstElement): Position | undefined {
  if ('image' in element) return { offset: element.startOffset, line: element.startLine!, column: element.startColumn! };
  const l = (element as CstNode).location;
  if (!l || Number.isNaN(l.startOffset)) return undefined;
  return { offset: l.startOffset, line: l.startLine!, column: l.startColumn! };
}

function endOf(element: CstElement): Position | undefined {
  if ('image' in element) return { offset: element.endOffset! + 1, line: element.endLine!, column: element.endColumn! + 1 };
  const l = (element as CstNode).location;
  if (!l || l.endOffset === undefined || Number.isNaN(l.endOffset)) return undefined;
  return { offset: l.endOffset + 1, line: l.endLine!, column: l.endColumn! + 1 };
}

/** The span of a CST node, from its children: from the first token it holds to the last. */
function spanOf(children: Readonly<Record<string, readonly CstElement[] | undefined>>): Span {
  let start: Position | undefined;
  let end: Position | undefined;
  for (const elements of Object.values(children)) {
    for (const element of elements ?? []) {
      const s = startOf(element);
      const e = endOf(element);
      if (s && (!start || s.offset < start.offset)) start = s;
      if (e && (!end || e.offset > end.offset)) end = e;
    }
  }
  if (!start || !end) throw new InternalError('a CST node without tokens has no span');
  return { start, end };
}

/** Operator tokens of two kinds, in source order. */
function sortedTokens(a: readonly IToken[] | undefined, b: readonly IToken[] | undefined): IToken[] {
  return [...(a ?? []), ...(b ?? [])].sort((x, y) => x.startOffset - y.startOffset);
}

/** Left-associative: `a - b - c` is `(a - b) - c`. */
function foldBinary(
  operands: readonly A.Expr[],
  operators: readonly IToken[] | undefined,
  opOf: (token: IToken) => A.BinaryOperator,
): A.Expr {
  return (operators ?? []).reduce<A.Expr>(
    (left, token, i) => {
      const right = operands[i + 1]!;
      return { kind: 'binary', op: opOf(token), left, right, span: joinSpans(left.span, right.span)! };
    },
    operands[0]!,
  );
}

function setOperation(op: A.SetOperator, all: boolean, left: A.QueryBody, right: A.QueryBody): A.SetOperation {
  return { kind: 'setOperation', op, all, left, right, span: joinSpans(left.span, right.span)! };
}

/** A name as written: backquotes removed (a doubled backquote is one), case kept. */
function identifierText(token: IToken): string {
  return token.tokenType === tok.QuotedIdentifier ? token.image.slice(1, -1).replace(/``/g, '`') : token.image;
}

/**
 * The value of a string literal, decoded as Spark does: `\n \t \r \b \0 \Z \\ \' \"`, `\uXXXX`, octal `\101`,
 * a doubled quote; `\%` and `\_` keep their backslash (they are LIKE escapes); any other `\c` is `c`.
 */
function stringValue(token: IToken, builder: { report(code: string, message: string, span: Span): void }): string {
  const quote = token.image[0]!;
  const body = token.image.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote) {
      out += quote; // the first of a doubled quote: the lexer guarantees the second
      i++;
      continue;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i]!;
    const octal = /^[0-3][0-7]{2}/.exec(body.slice(i, i + 3));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8));
      i += 2;
    } else if (next === 'u') {
      const hex = body.slice(i + 1, i + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        builder.report('SYNTAX_INVALID_LITERAL', '`\\u` must be followed by four hexadecimal digits', tokenSpan(token));
      }
    } else {
      out += STRING_ESCAPES[next] ?? next;
    }
  }
  return out;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  '%': '\\%',
  _: '\\_',
};

const FILE_FORMATS: ReadonlySet<string> = new Set(['parquet', 'csv', 'json', 'orc', 'text', 'avro']);

const COMPARISON_OPERATORS: ReadonlyMap<TokenType, A.BinaryOperator> = new Map<TokenType, A.BinaryOperator>([
  [tok.Equals, '='],
  [tok.NotEquals, '<>'],
  [tok.LessThan, '<'],
  [tok.LessOrEqual, '<='],
  [tok.GreaterThan, '>'],
  [tok.GreaterOrEqual, '>='],
  [tok.NullSafeEquals, '<=>'],
]);

const INTERVAL_UNITS: ReadonlyMap<TokenType, A.IntervalUnit> = new Map<TokenType, A.IntervalUnit>([
  [tok.Year, 'year'],
  [tok.Month, 'month'],
  [tok.Week, 'week'],
  [tok.Day, 'day'],
  [tok.Hour, 'hour'],
  [tok.Minute, 'minute'],
  [tok.Second, 'second'],
  [tok.Millisecond, 'millisecond'],
  [tok.Microsecond, 'microsecond'],
]);

/** The `X TO Y` interval forms Spark accepts. */
const INTERVAL_RANGES: Partial<Record<A.IntervalUnit, readonly A.IntervalUnit[]>> = {
  year: ['month'],
  day: ['hour', 'minute', 'second'],
  hour: ['minute', 'second'],
  minute: ['second'],
};

const SIMPLE_TYPES: ReadonlyMap<string, DataType> = new Map<string, DataType>([
  ['boolean', T.boolean],
  ['tinyint', T.tinyint],
  ['byte', T.tinyint],
  ['smallint', T.smallint],
  ['short', T.smallint],
  ['int', T.int],
  ['integer', T.int],
  ['bigint', T.bigint],
  ['long', T.bigint],
  ['float', T.float],
  ['real', T.float],
  ['double', T.double],
  ['string', T.string],
  ['binary', T.binary],
  ['date', T.date],
  ['timestamp', T.timestamp],
  ['timestamp_ltz', T.timestamp],
  ['timestamp_ntz', T.timestamp_ntz],
  ['interval', T.interval],
  ['void', T.null],
]);
