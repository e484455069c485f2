// The patterns each Cypher statement matches, read with Neo4j's own parser
// (@neo4j-cypher/language-support's parse tree): for every MATCH / OPTIONAL MATCH / MERGE
// clause, its node and relationship patterns (variable, labels or types, inline property
// keys) and the text of its WHERE (tokens joined by spaces). tests/test_graph_neo4j.py checks
// with it that every query starts from an index. Input on stdin: a JSON array of strings.
// Output: a JSON array, one list of clauses per statement.
import * as cypher from '@neo4j-cypher/language-support';

const leaves = (t) => (t.children.length ? t.children.flatMap(leaves) : [t.name]);
const text = (t) => leaves(t).join('');
const find = (t, name) => (t.name === name ? [t] : t.children.flatMap((c) => find(c, name)));
const child = (t, name) => t.children.find((c) => c.name === name);

function element(t) {
  const variable = child(t, 'variable');
  const labels = find(t, 'labelExpression').flatMap((l) => find(l, 'symbolicNameString').map(text));
  const maps = find(t, 'properties').flatMap((p) => find(p, 'map').slice(0, 1));
  const props = maps.flatMap((m) => m.children.filter((c) => c.name === 'propertyKeyName').map(text));
  return [variable ? text(variable) : '', labels, props];
}

function clause(t, kind) {
  const where = find(t, 'whereClause').map((w) => leaves(w).slice(1).join(' '));
  return {
    clause: kind === 'mergeClause' ? 'MERGE' : 'MATCH',
    nodes: find(t, 'nodePattern').map(element),
    rels: find(t, 'relationshipPattern').map(element),
    where: where.join(' AND '),
  };
}

function clauses(t) {
  if (t.name === 'matchClause' || t.name === 'mergeClause') return [clause(t, t.name)];
  return t.children.flatMap(clauses);
}

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(JSON.stringify(JSON.parse(input).map((q) => clauses(cypher.getDebugTree(q)))));
