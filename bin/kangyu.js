#!/usr/bin/env node
// The kangyu command. npm brings its own Node.js 24 (the `node` devDependency), which runs
// the TypeScript sources directly.
import '../src/cli/main.ts';
