// The health checks of the `health` subcommand (docs/runtime.md, "Health checks").
export { runHealth, healthChecks } from './run.ts';
export { renderHealthMarkdown } from './markdown.ts';
export { parseHealthConfig, type HealthConfig, type HealthEntry } from './config.ts';
export { defaultRunner, type CommandRunner, type CommandResult, type HealthDeps, type StateProbe, type CheckVerdict } from './deps.ts';
export { VAULT_STATUS } from './endpoints.ts';
export type { HealthReport, HealthCheckResult } from '../../../schemas/health-report.ts';
