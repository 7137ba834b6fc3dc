// The bundle's entry: run the subcommand and exit with its code.
import { runtimeMain } from './main.ts';

process.exitCode = await runtimeMain(process.argv.slice(2));
