// Checks every statement in the given files (JSON arrays, as keyaccounts
// writes RESULT.xapi.json) with xapi-validation, the xAPI 1.0.3 validator of
// Learning Locker. Prints each problem; exits 1 when there is any.
// usage: node validate.js FILE...
'use strict';
const fs = require('fs');
const validate = require('xapi-validation').default;

let statements = 0;
let problems = 0;
for (const file of process.argv.slice(2)) {
  let list;
  try {
    list = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    problems++;
    continue;
  }
  if (!Array.isArray(list) || list.length === 0) {
    console.log(`${file}: not a non-empty array of statements`);
    problems++;
    continue;
  }
  list.forEach((st, i) => {
    statements++;
    for (const w of validate(st)) {
      problems++;
      console.log(`${file}: statement ${i} (${st.id}): ${w.path ? w.path.join('.') + ': ' : ''}${w.constructor.name}${w.message && w.message !== 'Validation Error' ? ' ' + w.message : ''}`);
    }
  });
}
console.log(`xapi-validation: ${statements} statements in ${process.argv.length - 2} files, ${problems} problems`);
process.exit(problems === 0 && statements > 0 ? 0 : 1);
