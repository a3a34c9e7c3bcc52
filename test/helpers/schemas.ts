import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { ROOT } from './cli';

/**
 * A validator for one of the documented schemas (rules/schema/<name>), with the others it refers to loaded:
 * the JSON output's `report` and the portfolio's documents are report.schema.json.
 */
export function schemaValidator(name: string): ValidateFunction {
	const read = (file: string): object => JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema', file), 'utf8')) as object;
	const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
	if (name !== 'report.schema.json') ajv.addSchema(read('report.schema.json'));
	return ajv.compile(read(name));
}
