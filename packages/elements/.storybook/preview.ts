import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/define.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: { layout: 'padded', controls: { expanded: true } },
  globalTypes: {
    theme: {
      description: 'Colour scheme of the elements',
      toolbar: { items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      document.documentElement.style.colorScheme = context.globals.theme === 'dark' ? 'dark' : 'light';
      document.body.style.background = context.globals.theme === 'dark' ? '#0e0e14' : '#eceaf6';
      return story();
    },
  ],
};

export default preview;
