// ECharts, tree-shaken to what the views draw (bundled: nothing is fetched at run time).
import * as echarts from 'echarts/core';
import { BarChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, MapChart, ScatterChart, GeoComponent, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
