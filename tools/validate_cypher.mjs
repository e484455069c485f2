// Checks Cypher statements with Neo4j's own parser (@neo4j-cypher/language-support).
// Errors about undefined $parameters are dropped: values are bound when the statement runs.
// Input on stdin: a JSON array of strings. Output: a JSON array, one list of error
// diagnostics per statement (empty = valid). Exit 0 unless the input is unreadable.
// The package exported `validateSyntax` before 2.0.0-next; later versions name it `lintCypherQuery`.
import * as cypher from '@neo4j-cypher/language-support';

const lint = cypher.validateSyntax
  ? (q) => cypher.validateSyntax(q, {})
  : (q) => cypher.lintCypherQuery(q, {}).diagnostics;

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const statements = JSON.parse(input);
const out = statements.map((q) =>
  lint(q)
    .filter((d) => d.severity === 1 && (!cypher.isNotParamError || cypher.isNotParamError(d)))
    .map((d) => ({ message: d.message, line: d.range?.start?.line, column: d.range?.start?.character })),
);
process.stdout.write(JSON.stringify(out));
