// Plan YAML parsing for the planner's import and compare features, loaded on demand so that
// js-yaml stays out of the first page load: schemas/plan-yaml.ts is the CLI's own parser.
export { parsePlanYaml as parsePlanText, validatePlanText as validatePlanYamlText } from '../../../schemas/plan-yaml.ts';
