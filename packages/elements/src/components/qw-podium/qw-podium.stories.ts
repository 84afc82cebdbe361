import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-podium>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-podium', component: 'qw-podium' };
export default meta;
type Story = StoryObj;

export const Final: Story = {
  name: 'Final',
  render: () => html`<qw-podium .client=${s.finished()}></qw-podium>`,
};
