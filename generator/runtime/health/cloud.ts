// Cloud credentials in the job's environment (never printed) and the Terraform state location.
import { readFileSync } from 'node:fs';
import { type Check, fail, pass, warn } from './check.ts';
import { lastLine, type CommandRunner, type StateProbe } from './deps.ts';
import type { HealthConfig } from './config.ts';

const has = (env: Record<string, string | undefined>, ...names: string[]) => names.every((n) => typeof env[n] === 'string' && env[n] !== '');

export const credentialsCheck: Check = {
  id: 'cloud-credentials',
  category: 'credentials',
  needs: 'cloud',
  run: async (ctx) => {
    const env = ctx.deps.env;
    switch (ctx.config.cloud) {
      case 'aws':
        // aws-actions/configure-aws-credentials exports a role session; a web-identity pair works too.
        if (has(env, 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'))
          return has(env, 'AWS_SESSION_TOKEN')
            ? pass('AWS role session credentials present (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)')
            : warn('a long-lived AWS access key is in the environment (no AWS_SESSION_TOKEN); the workflows are meant to assume the role through GitHub OIDC');
        if (has(env, 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE')) return pass('AWS web-identity credentials present (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE)');
        return fail('no AWS credentials: set them with aws-actions/configure-aws-credentials (role-to-assume) before this step');
      case 'azure': {
        const missing = ['ARM_CLIENT_ID', 'ARM_TENANT_ID', 'ARM_SUBSCRIPTION_ID'].filter((n) => !has(env, n));
        if (missing.length) return fail(`no Azure credentials: ${missing.join(', ')} not set (the azure/login step exports them)`);
        if (has(env, 'ARM_CLIENT_SECRET')) return warn('a long-lived client secret (ARM_CLIENT_SECRET) is in the environment; the workflows are meant to use GitHub OIDC');
        if (env.ARM_USE_OIDC === 'true' && !has(env, 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'))
          return fail('ARM_USE_OIDC is true but the job cannot request an OIDC token: grant the job `id-token: write`');
        return pass('Azure identity present (ARM_CLIENT_ID, ARM_TENANT_ID, ARM_SUBSCRIPTION_ID, OIDC)');
      }
      case 'gcp': {
        const file = env.GOOGLE_APPLICATION_CREDENTIALS || env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE || env.GOOGLE_GHA_CREDS_PATH;
        if (!file) return fail('no Google credentials: GOOGLE_APPLICATION_CREDENTIALS is not set (google-github-actions/auth exports it)');
        let type: unknown;
        try {
          // Only the `type` field is read; nothing from the file is reported.
          type = (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type;
        } catch (e) {
          return fail(`GOOGLE_APPLICATION_CREDENTIALS names a file that cannot be read as JSON (${(e as { code?: string }).code ?? 'invalid JSON'})`);
        }
        if (type === 'service_account') return warn('a service-account key file is in use; the workflows are meant to use Workload Identity Federation');
        if (type !== 'external_account') return fail(`GOOGLE_APPLICATION_CREDENTIALS is not a credentials file (type ${JSON.stringify(type)})`);
        return pass('Google Workload Identity Federation credentials present');
      }
    }
  },
};

/** Each cloud's CLI asks for the state location with the job's identity; the runners have all three CLIs. */
export function cliStateProbe(run: CommandRunner): StateProbe {
  return async (config: HealthConfig, signal) => {
    const [cmd, args, what] =
      config.cloud === 'aws'
        ? ['aws', ['s3api', 'head-bucket', '--bucket', config.stateBucket, '--region', config.region], `S3 bucket ${config.stateBucket}`]
        : config.cloud === 'azure'
          ? // The container name is the one backend.tf names (generator/src/clouds/azure).
            [
              'az',
              ['storage', 'container', 'show', '--account-name', config.stateBucket, '--name', 'tfstate', '--auth-mode', 'login', '--output', 'none'],
              `storage account ${config.stateBucket}, container tfstate`,
            ]
          : ['gcloud', ['storage', 'buckets', 'describe', `gs://${config.stateBucket}`, '--format=value(name)'], `GCS bucket ${config.stateBucket}`];
    const r = await run(cmd, args as string[], signal);
    if (r.code !== 0) return fail(`cannot reach the state in ${what}: ${lastLine(r)}`);
    return pass(`state in ${what} is reachable`);
  };
}

export const stateCheck: Check = {
  id: 'state-backend',
  category: 'state',
  needs: 'cloud',
  run: (ctx) => ctx.deps.stateProbe(ctx.config, ctx.signal),
};
