import type { TestProject } from 'vitest/node';
import { buildTemplate, dropTemplate, type TemplateRef } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateRef;
  }
}

let template: TemplateRef | undefined;

/** Builds one seeded template database per run; every test file starts from a copy of it. */
export async function setup(project: TestProject): Promise<void> {
  template = await buildTemplate('base');
  project.provide('template', template);
}

export async function teardown(): Promise<void> {
  if (template) await dropTemplate(template);
}
