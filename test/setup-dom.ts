// DOM test setup: jest-dom's matchers on Vitest's expect, and a clean document after every test
// (Testing Library cleans up by itself only when test globals are enabled; they are not here).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// findBy…/waitFor wait for a state, and some states come after a lazy import (the share dialog, a run file's
// reader): on a loaded 2-core machine that took over Testing Library's default bound of 1 s (a dialog not found in
// a full run, found at once alone). The bound only matters when a test fails.
configure({ asyncUtilTimeout: 10_000 });
