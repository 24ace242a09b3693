import yargs from "yargs";
import * as dotenv from "dotenv";
import LabeledProcessRunner from "./runner.js";
import * as fs from "fs";
import { ServerlessStageDestroyer } from "@stratiformdigital/serverless-stage-destroyer";
import { ServerlessRunningStages } from "@enterprise-cmcs/macpro-serverless-running-stages";

// load .env
dotenv.config();

const runner = new LabeledProcessRunner();
const protectedStages = new Set(["master", "val", "production"]);

function touch(file: string) {
  try {
    const time = new Date();
    fs.utimesSync(file, time, time);
  } catch (err) {
    fs.closeSync(fs.openSync(file, "w"));
  }
}

async function frozenInstall(runner: LabeledProcessRunner, dir: string) {
  await runner.run_command_and_output(
    `${dir.split("/").slice(-1)} deps`,
    ["yarn", "install", "--frozen-lockfile"],
    dir
  );
}

async function install_deps(runner: LabeledProcessRunner, dir: string) {
  if (process.env.CI == "true") {
    if (!fs.existsSync(`${dir}/node_modules`)) {
      await frozenInstall(runner, dir);
    }
  } else {
    const yarnLockPath = `${dir}/yarn.lock`;
    const yarnInstallPath = `${dir}/.yarn_install`;
    
    if (
      !fs.existsSync(yarnInstallPath) ||
      !fs.existsSync(yarnLockPath) ||
      fs.statSync(yarnInstallPath).ctimeMs < fs.statSync(yarnLockPath).ctimeMs
    ) {
      await frozenInstall(runner, dir);
      touch(yarnInstallPath);
    }
  }
}

async function install_deps_for_services() {
  var services = getDirectories("src/services");
  for (let service of services) {
    await install_deps(runner, `src/services/${service}`);
  }
  await install_deps(runner, "src/libs");
}

function getDirectories(path: string) {
  return fs.readdirSync(path).filter(function (file) {
    return fs.statSync(path + "/" + file).isDirectory();
  });
}

function assertDestroyableStage(stage: string) {
  if (protectedStages.has(stage)) {
    throw new Error(`Refusing to destroy protected stage '${stage}'.`);
  }
}

async function getCurrentGitBranch(): Promise<string> {
  try {
    const { execSync } = await import('child_process');
    return execSync('git branch --show-current', { encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error('Error getting git branch. Please specify --stage explicitly.');
  }
}

async function getStageOrDefault(stage?: string): Promise<string> {
  if (stage) {
    return stage;
  }
  
  const gitBranch = await getCurrentGitBranch();
  console.log(`Using current git branch as stage: ${gitBranch}`);
  return gitBranch;
}

async function refreshOutputs(stage: string) {
  await runner.run_command_and_output(
    `SLS Refresh Outputs`,
    ["npx", "serverless", "refresh-outputs", "--stage", stage],
    ".",
    true
  );
}

yargs(process.argv.slice(2))
  .command("install", "install all service dependencies", {}, async () => {
    await install_deps_for_services();
  })
  .command(
    "services",
    "list available services",
    {},
    async () => {
      await install_deps_for_services();  
      const services = getDirectories("src/services");
      console.log("Available services:");
      services.forEach(service => {
        console.log(`  - ${service}`);
      });
      console.log("\nUse './run deploy --stage <stage> --service <service>' to deploy a specific service");
    }
  )
  .command(
    "validate",
    "validate serverless compose configuration",
    {
      stage: { type: "string", demandOption: false },
    },
    async (options) => {
      await install_deps_for_services();
      
      const stage = await getStageOrDefault(options.stage);
      
      await runner.run_command_and_output(
        `SLS Validate`,
        ["npx", "serverless", "package", "--stage", stage],
        ".",
        true
      );
    }
  )
  .command(
    "deploy",
    "deploy the project",
    {
      stage: { type: "string", demandOption: false },
      service: { type: "string", demandOption: false },
    },
    async (options) => {
      await install_deps_for_services();
      
      const stage = await getStageOrDefault(options.stage);
      await refreshOutputs(stage);
      
      var deployCmd = ["npx", "@serverless/compose", "deploy", "--stage", stage];
      if (options.service) {
        deployCmd = [
          "npx",
          "@serverless/compose",
          "deploy",
          "--stage",
          stage,
          "--service",
          options.service,
        ];
      }
      await runner.run_command_and_output(`SLS Deploy`, deployCmd, ".");
    }
  )
  .command(
    "test",
    "run any available tests.",
    {
      stage: { type: "string", demandOption: false },
    },
    async (options) => {
      await install_deps_for_services();
      
      const stage = await getStageOrDefault(options.stage);
      
      await refreshOutputs(stage);
      await runner.run_command_and_output(
        `Unit Tests`,
        ["yarn", "test-ci"],
        "."
      );
    }
  )
  .command(
    "destroy",
    "destroy a stage in AWS",
    {
      stage: { type: "string", demandOption: false },
      service: { type: "string", demandOption: false },
      wait: { type: "boolean", demandOption: false, default: true },
      verify: { type: "boolean", demandOption: false, default: true },
    },
    async (options) => {
      const stage = await getStageOrDefault(options.stage);
      assertDestroyableStage(stage);
      
      let destroyer = new ServerlessStageDestroyer();
      let filters = [
        {
          Key: "PROJECT",
          Value: `${process.env.PROJECT}`,
        },
      ];
      if (options.service) {
        filters.push({
          Key: "SERVICE",
          Value: `${options.service}`,
        });
      }
      await destroyer.destroy(`${process.env.REGION_A}`, stage, {
        wait: options.wait,
        filters: filters,
        verify: options.verify,
      });
    }
  )
  .command(
    "connect",
    "Prints a connection string that can be run to 'ssh' directly onto the ECS Fargate task",
    {
      stage: { type: "string", demandOption: false },
      service: { type: "string", demandOption: true },
    },
    async (options) => {
      await install_deps_for_services();
      
      const stage = await getStageOrDefault(options.stage);
      
      await refreshOutputs(stage);
      await runner.run_command_and_output(
        `SLS connect`,
        ["npx", "serverless", options.service, "connect", "--stage", stage],
        "."
      );
    }
  )
  .command(
    ["listRunningStages", "runningEnvs", "listRunningEnvs"],
    "Reports on running environments in your currently connected AWS account.",
    {},
    async () => {
      await install_deps_for_services();
      for (const region of [process.env.REGION_A]) {
        const runningStages =
          await ServerlessRunningStages.getAllStagesForRegion(region!);
        console.log(`runningStages=${runningStages.join(",")}`);
      }
    }
  )
  .strict() // This errors and prints help if you pass an unknown command
  .scriptName("run") // This modifies the displayed help menu to show 'run' isntead of 'dev.js'
  .demandCommand(1, "").argv; // this prints out the help if you don't call a subcommand
