import { onBeforeUnmount, onMounted, watch } from 'vue';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bars and lines drawn at once, not grown, for someone who asked their system for less motion. */
const reducedMotion = () => window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * An ECharts chart in the element `el` (a ref), drawn from `option(width)` when mounted, whenever
 * `source()` changes and when the window is resized (an option may fit its labels to the width),
 * and disposed with the component.
 */
export function useChart(el, option, source) {
  let chart;
  let drawnWidth = 0;
  const draw = (animated = true) => {
    if (chart) {
      chart.resize();
      drawnWidth = el.value.clientWidth;
      const o = option(drawnWidth);
      // Drawn anew for a new width, without replaying the bars' entry animation on every resize event.
      chart.setOption(animated && !reducedMotion() ? o : { ...o, animation: false }, true);
    }
  };
  const resize = () => {
    if (chart && el.value.clientWidth !== drawnWidth) {
      draw(false);
    } else if (chart) {
      chart.resize();
    }
  };
  onMounted(() => {
    chart = echarts.init(el.value);
    draw();
    window.addEventListener('resize', resize);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize);
    chart && chart.dispose();
  });
  // After the DOM settled (a container that just got its height).
  watch(source, () => setTimeout(draw));
}
