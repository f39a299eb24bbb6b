#!/usr/bin/env -S npx tsx
/**
 * CDK app entry (cdk.json: `npx tsx infra/app.ts`). `-c stage=dev|prod` (default dev),
 * `-c region=<region>` for the main stack. cdk-nag AwsSolutions runs on every synth.
 */
import { buildApp } from './build';

buildApp().app.synth();
