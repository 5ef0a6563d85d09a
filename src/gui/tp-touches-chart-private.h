/* tp-touches-chart-private.h
 *
 * Copyright 2026 The Touchpoint authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tp-chart-paint.h"
#include "tp-touches-chart.h"

G_BEGIN_DECLS

/*
 * TpTouchesChart's pieces shared by its files (map atop
 * tp-touches-chart.c).
 */

struct _TpTouchesChart
{
  GtkWidget       parent_instance;

  TpChartData    *data;
  char           *caption;
  TpChartLayout  *layout;
  GskRenderNode  *node;
  TpChartColors   colors;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;

  TpChartMode     mode;
  TpChartSort     sort;
  int             focus;     /* position of the focused bar, or -1 */
  gint64          focus_id;  /* its customer, so that focus follows a re-sort */
  int             hover;
};

enum {
  TP_TOUCHES_CHART_CUSTOMER_ACTIVATED,
  TP_TOUCHES_CHART_N_SIGNALS
};

extern guint _tp_touches_chart_signals[TP_TOUCHES_CHART_N_SIGNALS];

/* tp-touches-chart.c */
void                 _tp_touches_chart_invalidate (TpTouchesChart *self);
const TpChartLayout *_tp_touches_chart_ensure_layout (TpTouchesChart *self);
void                 _tp_touches_chart_update_accessible (TpTouchesChart *self);

/* tp-touches-chart-input.c: keys, pointer, tooltips */
void                 _tp_touches_chart_scroll_to_position (TpTouchesChart *self,
                                                           guint           position);
void                 _tp_touches_chart_refocus (TpTouchesChart *self);
void                 _tp_touches_chart_move_focus_action (GtkWidget  *widget,
                                                          const char *action_name,
                                                          GVariant   *parameter);
void                 _tp_touches_chart_move_page_action (GtkWidget  *widget,
                                                         const char *action_name,
                                                         GVariant   *parameter);
void                 _tp_touches_chart_activate_action (GtkWidget  *widget,
                                                        const char *action_name,
                                                        GVariant   *parameter);
void                 _tp_touches_chart_motion_cb (TpTouchesChart           *self,
                                                  double                    x,
                                                  double                    y,
                                                  GtkEventControllerMotion *controller);
void                 _tp_touches_chart_leave_cb (TpTouchesChart           *self,
                                                 GtkEventControllerMotion *controller);
void                 _tp_touches_chart_pressed_cb (TpTouchesChart  *self,
                                                   int              n_press,
                                                   double           x,
                                                   double           y,
                                                   GtkGestureClick *gesture);
void                 _tp_touches_chart_released_cb (TpTouchesChart  *self,
                                                    int              n_press,
                                                    double           x,
                                                    double           y,
                                                    GtkGestureClick *gesture);
gboolean             _tp_touches_chart_scroll_cb (TpTouchesChart           *self,
                                                  double                    dx,
                                                  double                    dy,
                                                  GtkEventControllerScroll *controller);
gboolean             _tp_touches_chart_query_tooltip (GtkWidget  *widget,
                                                      int         x,
                                                      int         y,
                                                      gboolean    keyboard_mode,
                                                      GtkTooltip *tooltip);

/* tp-touches-chart-export.c */
void                 _tp_touches_chart_save_as_action (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *parameter);

G_END_DECLS
