import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // nanostores reads process.env.NODE_ENV.
    vite.define = { ...vite.define, 'process.env.NODE_ENV': JSON.stringify('development') };
    return vite;
  },
};

export default config;
