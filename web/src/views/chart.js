import { onBeforeUnmount, onMounted, watch } from 'vue';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart in the element `el` (a ref), drawn from `option(width)` when mounted, whenever
 * `source()` changes and when the window is resized (an option may fit its labels to the width),
 * and disposed with the component.
 */
export function useChart(el, option, source) {
  let chart;
  const draw = () => {
    if (chart) {
      chart.resize();
      chart.setOption(option(el.value.clientWidth), true);
    }
  };
  const resize = draw;
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
