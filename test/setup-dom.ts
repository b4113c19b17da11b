// DOM test setup: jest-dom's matchers on Vitest's expect, and a clean document after every test
// (Testing Library cleans up by itself only when test globals are enabled; they are not here).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
