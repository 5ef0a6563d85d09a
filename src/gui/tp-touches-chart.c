/* tp-touches-chart.c
 *
 * Copyright 2026 The Touchpoint authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tp-touches-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tp-core-enum-types.h"
#include "tp-touches-chart-private.h"

/*
 * TpTouchesChart shows the touches chart of the Sales tab (issue 6). It owns
 * a TpChartData, asks core for a TpChartLayout of its size, scroll offset,
 * focus and hover, and paints it with tp_chart_paint() in snapshot; the
 * rendered node is kept until something changes. Hover, tooltips and clicks
 * use the same layout's hit areas.
 *
 * It implements GtkScrollable: put it in a GtkScrolledWindow (vertical
 * policy "never") and it scrolls horizontally through its bars, however many
 * customers there are. Colours come from the libadwaita named colours and are
 * looked up again whenever the style changes (light, dark, high contrast).
 *
 * Keys: Left/Right (and Up/Down) move the focus bar by bar, Home/End and
 * Page Up/Down jump, Enter or Space opens the focused customer.
 *
 * With many customers, make the data on a worker thread, prepare it there
 * (tp_chart_data_prepare() sorts it in every order) and hand it over with
 * tp_touches_chart_set_data(): the main thread then only swaps a pointer
 * and draws. tp_touches_chart_update_item() and _remove_item() change one
 * customer in place, without sorting again.
 *
 * Its files, sharing tp-touches-chart-private.h:
 *   tp-touches-chart.c         the widget (this file): properties, data,
 *                              layout, colours, scrolling, painting, what
 *                              screen readers are told
 *   tp-touches-chart-input.c   keys, pointer, wheel, tooltips
 *   tp-touches-chart-export.c  Save As… (PNG, SVG)
 */

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpTouchesChart, tp_touches_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_MODE,
  PROP_SORT,
  PROP_BAND_LOW,
  PROP_BAND_HIGH,
  PROP_CAPTION,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];
guint _tp_touches_chart_signals[TP_TOUCHES_CHART_N_SIGNALS];

/* Drops the frame: the next snapshot lays out and paints again. */
void
_tp_touches_chart_invalidate (TpTouchesChart *self)
{
  g_clear_pointer (&self->layout, tp_chart_layout_unref);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The bars changed: their number, order or scale. The adjustments follow in
 * size_allocate. */
static void
invalidate_content (TpTouchesChart *self)
{
  _tp_touches_chart_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

const TpChartLayout *
_tp_touches_chart_ensure_layout (TpTouchesChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TpChartParams params;

  if (self->layout != NULL)
    return self->layout;

  tp_chart_params_init (&params, self->mode, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  params.sort = self->sort;
  params.scroll_x = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  params.focus = gtk_widget_has_visible_focus (widget) ? self->focus : -1;
  params.hover = self->hover;
  params.context = gtk_widget_get_pango_context (widget);

  self->layout = tp_chart_layout_new (self->data, &params);

  return self->layout;
}

/* How many bars the accessible description reads out. */
#define N_DESCRIBED_BARS 20

static void
describe_bar (GString           *text,
              const TpChartItem *item)
{
  const char *name = item->name != NULL && item->name[0] != '\0' ? item->name : _("Unnamed");

  if (item->bought)
    /* Translators: one bar of the chart read out by a screen reader: a
     * customer's name and touches */
    g_string_append_printf (text, ngettext ("%s: %u touch, bought", "%s: %u touches, bought",
                                            item->touches),
                            name, item->touches);
  else
    /* Translators: one bar of the chart read out by a screen reader: a
     * customer's name and touches */
    g_string_append_printf (text, ngettext ("%s: %u touch, not yet bought",
                                            "%s: %u touches, not yet bought", item->touches),
                            name, item->touches);
}

/* The bars, for those who cannot see them: the focused one, then the
 * first ones in the chart's order (never all of 100,000). */
static void
describe_bars (TpTouchesChart *self,
               GString        *text)
{
  guint n_items = tp_chart_data_get_n_items (self->data);
  guint n_described = MIN (n_items, N_DESCRIBED_BARS);

  if (self->mode != TP_CHART_MODE_TOUCHES || n_items == 0)
    return;

  if (self->focus >= 0 && (guint) self->focus < n_items)
    {
      g_string_append_c (text, ' ');
      /* Translators: before the bar that has the keyboard focus */
      g_string_append (text, _("Focused bar:"));
      g_string_append_c (text, ' ');
      describe_bar (text, tp_chart_data_get_item (self->data, self->sort, self->focus));
      g_string_append_c (text, '.');
    }

  g_string_append_c (text, ' ');
  /* Translators: before a list of the chart's bars */
  g_string_append (text, _("Bars:"));
  for (guint i = 0; i < n_described; i++)
    {
      g_string_append (text, i == 0 ? " " : "; ");
      describe_bar (text, tp_chart_data_get_item (self->data, self->sort, i));
    }
  if (n_items > n_described)
    /* Translators: after the first bars of the chart */
    g_string_append_printf (text, ngettext ("; and %u more.", "; and %u more.", n_items - n_described),
                            n_items - n_described);
  else
    g_string_append_c (text, '.');
}

void
_tp_touches_chart_update_accessible (TpTouchesChart *self)
{
  g_autofree char *counts = tp_chart_data_describe (self->data, self->mode);
  g_autoptr(GString) description = g_string_new (NULL);
  const char *label;

  if (self->caption != NULL)
    {
      g_string_append (description, self->caption);
      g_string_append_c (description, ' ');
    }
  g_string_append (description, counts);
  describe_bars (self, description);

  switch (self->mode)
    {
    case TP_CHART_MODE_BEFORE_PURCHASE:
      label = _("Touches before the first purchase");
      break;
    case TP_CHART_MODE_CHANNELS:
      label = _("First-purchase channels");
      break;
    case TP_CHART_MODE_TOUCHES:
    default:
      label = _("Touches per customer");
      break;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* Colours */

static TpChartColor
to_chart_color (const GdkRGBA *rgba,
                float          alpha)
{
  TpChartColor color = { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };

  return color;
}

/* @fg over @bg, opaque: a neutral that sits between the text and the view. */
static TpChartColor
mix (const GdkRGBA *fg,
     const GdkRGBA *bg,
     float          amount)
{
  float a = fg->alpha * amount;
  TpChartColor color = {
    fg->red * a + bg->red * (1 - a),
    fg->green * a + bg->green * (1 - a),
    fg->blue * a + bg->blue * (1 - a),
    1,
  };

  return color;
}

static void
lookup (GtkStyleContext *context,
        const char      *name,
        GdkRGBA         *rgba,
        const char      *fallback)
{
  /* gtk_style_context_lookup_color() is deprecated from GTK 4.10 on, with no
   * replacement for named colours; it is the supported way on 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
update_colors (TpTouchesChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  GtkStyleContext *context;
  GdkRGBA fg, bg, accent_bg, accent, success, success_bg;
  TpChartColors *c = &self->colors;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  lookup (context, "view_bg_color", &bg, dark ? "#1e1e1e" : "#ffffff");
  lookup (context, "accent_bg_color", &accent_bg, "#3584e4");
  lookup (context, "accent_color", &accent, dark ? "#78aeed" : "#1c71d8");
  lookup (context, "success_color", &success, dark ? "#8ff0a4" : "#1b8553");
  lookup (context, "success_bg_color", &success_bg, dark ? "#26a269" : "#2ec27e");

  /* The widget sits on the view; it paints no background of its own. */
  c->background = to_chart_color (&bg, 0);
  c->foreground = to_chart_color (&fg, 1);
  c->dim_foreground = to_chart_color (&fg, high_contrast ? 0.8f : 0.55f);
  c->grid = to_chart_color (&fg, high_contrast ? 0.25f : 0.1f);
  c->axis = to_chart_color (&fg, high_contrast ? 0.7f : 0.3f);
  c->band = to_chart_color (&success_bg, dark ? 0.18f : 0.14f);
  c->band_edge = to_chart_color (&success, 1);
  c->bought = to_chart_color (&accent_bg, 1);
  c->not_bought = mix (&fg, &bg, high_contrast ? 0.5f : (dark ? 0.42f : 0.3f));
  c->in_band = to_chart_color (&accent_bg, 1);
  c->out_of_band = mix (&accent_bg, &bg, 0.5f);
  c->channel = to_chart_color (&accent_bg, 1);
  c->median = to_chart_color (&fg, 0.75f);
  c->hover = to_chart_color (&fg, dark ? 0.07f : 0.05f);
  c->focus = to_chart_color (&accent, 0.5f);
}

/* GtkScrollable */

static void
adjustment_value_changed_cb (TpTouchesChart *self,
                             GtkAdjustment  *adjustment)
{
  _tp_touches_chart_invalidate (self);
}

static void
configure_adjustments (TpTouchesChart *self)
{
  const TpChartLayout *layout = _tp_touches_chart_ensure_layout (self);
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    {
      double page = tp_chart_layout_get_plot_area (layout)->width;
      double upper = MAX (tp_chart_layout_get_content_width (layout), page);
      double start = 0, end = 0;

      tp_chart_layout_get_position_span (layout, 0, &start, &end);
      gtk_adjustment_configure (self->hadjustment,
                                tp_chart_layout_get_scroll_x (layout),
                                0, upper,
                                MAX (end - start, 1),
                                page * 0.9,
                                page);
    }

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, 0, 0, height, height * 0.1, height * 0.9, height);
}

static void
set_adjustment (TpTouchesChart  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment,
                guint            prop_id)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);

  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  invalidate_content (self);
  g_object_notify (G_OBJECT (self), prop_id == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

static gboolean
tp_touches_chart_get_border (GtkScrollable *scrollable,
                             GtkBorder     *border)
{
  return FALSE;
}

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
  iface->get_border = tp_touches_chart_get_border;
}

/* GtkWidget */

static void
tp_touches_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      *minimum = 260;
      *natural = 400;
    }
}

static void
tp_touches_chart_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);

  g_clear_pointer (&self->layout, tp_chart_layout_unref);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  configure_adjustments (self);
}

static void
tp_touches_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  if (self->node == NULL)
    {
      GtkSnapshot *inner = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));

      tp_chart_paint (_tp_touches_chart_ensure_layout (self), cr, &self->colors);
      cairo_destroy (cr);
      self->node = gtk_snapshot_free_to_node (inner);
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
}

static void
tp_touches_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);

  GTK_WIDGET_CLASS (tp_touches_chart_parent_class)->css_changed (widget, change);

  update_colors (self);
  /* Fonts may have changed too. */
  invalidate_content (self);
}

static void
tp_touches_chart_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (tp_touches_chart_parent_class)->state_flags_changed (widget, previous);

  /* The focus ring shows only with visible keyboard focus. */
  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUS_WITHIN))
    _tp_touches_chart_invalidate (TP_TOUCHES_CHART (widget));
}

static gboolean
tp_touches_chart_grab_focus (GtkWidget *widget)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (widget);
  const TpChartBar *bars;
  guint n_bars;

  if (!GTK_WIDGET_CLASS (tp_touches_chart_parent_class)->grab_focus (widget))
    return FALSE;

  if (self->focus >= 0)
    return TRUE;

  /* Keyboard focus starts on the first bar in view. */
  bars = tp_chart_layout_get_bars (_tp_touches_chart_ensure_layout (self), &n_bars);
  for (guint i = 0; i < n_bars; i++)
    {
      if (bars[i].flags & TP_CHART_BAR_VISIBLE)
        {
          tp_touches_chart_set_focus_position (self, (int) bars[i].position);
          break;
        }
    }

  return TRUE;
}

/* GObject */

static void
tp_touches_chart_dispose (GObject *object)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->layout, tp_chart_layout_unref);
  g_clear_pointer (&self->node, gsk_render_node_unref);

  G_OBJECT_CLASS (tp_touches_chart_parent_class)->dispose (object);
}

static void
tp_touches_chart_finalize (GObject *object)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (object);

  tp_chart_data_unref (self->data);
  g_free (self->caption);

  G_OBJECT_CLASS (tp_touches_chart_parent_class)->finalize (object);
}

static void
tp_touches_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_BAND_LOW:
      g_value_set_uint (value, tp_touches_chart_get_band_low (self));
      break;
    case PROP_BAND_HIGH:
      g_value_set_uint (value, tp_touches_chart_get_band_high (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_touches_chart_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpTouchesChart *self = TP_TOUCHES_CHART (object);

  switch (prop_id)
    {
    case PROP_MODE:
      tp_touches_chart_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_SORT:
      tp_touches_chart_set_sort (self, g_value_get_enum (value));
      break;
    case PROP_BAND_LOW:
      tp_touches_chart_set_band (self, g_value_get_uint (value),
                                 MAX (g_value_get_uint (value), tp_touches_chart_get_band_high (self)));
      break;
    case PROP_BAND_HIGH:
      tp_touches_chart_set_band (self,
                                 MIN (g_value_get_uint (value), tp_touches_chart_get_band_low (self)),
                                 g_value_get_uint (value));
      break;
    case PROP_CAPTION:
      tp_touches_chart_set_caption (self, g_value_get_string (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), PROP_HADJUSTMENT);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), PROP_VADJUSTMENT);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_touches_chart_class_init (TpTouchesChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_touches_chart_dispose;
  object_class->finalize = tp_touches_chart_finalize;
  object_class->get_property = tp_touches_chart_get_property;
  object_class->set_property = tp_touches_chart_set_property;

  widget_class->measure = tp_touches_chart_measure;
  widget_class->size_allocate = tp_touches_chart_size_allocate;
  widget_class->snapshot = tp_touches_chart_snapshot;
  widget_class->css_changed = tp_touches_chart_css_changed;
  widget_class->state_flags_changed = tp_touches_chart_state_flags_changed;
  widget_class->query_tooltip = _tp_touches_chart_query_tooltip;
  widget_class->grab_focus = tp_touches_chart_grab_focus;

  /**
   * TpTouchesChart:mode:
   *
   * The view: touches per customer, touches before the first purchase, or
   * first-purchase channels.
   */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       TP_TYPE_CHART_MODE, TP_CHART_MODE_TOUCHES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouchesChart:sort:
   *
   * The order of the customers' bars.
   */
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       TP_TYPE_CHART_SORT, TP_CHART_SORT_TOUCHES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouchesChart:band-low:
   *
   * The fewest recommended touches, the bottom of the shaded band.
   */
  properties[PROP_BAND_LOW] =
    g_param_spec_uint ("band-low", NULL, NULL,
                       0, G_MAXUINT, 5,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouchesChart:band-high:
   *
   * The most recommended touches, the top of the shaded band.
   */
  properties[PROP_BAND_HIGH] =
    g_param_spec_uint ("band-high", NULL, NULL,
                       0, G_MAXUINT, 12,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TpTouchesChart:caption:
   *
   * A sentence that says which customers the chart shows, for example the
   * filter it follows; it opens the accessible description.
   */
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * TpTouchesChart::customer-activated:
   * @self: the chart
   * @customer_id: the customer's id
   *
   * A customer's bar was clicked, or Enter was pressed on it: open the
   * customer.
   */
  _tp_touches_chart_signals[TP_TOUCHES_CHART_CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "chart.move-focus", "i", _tp_touches_chart_move_focus_action);
  gtk_widget_class_install_action (widget_class, "chart.move-page", "i", _tp_touches_chart_move_page_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, _tp_touches_chart_activate_action);
  gtk_widget_class_install_action (widget_class, "chart.save-as", NULL, _tp_touches_chart_save_as_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.move-focus", "i", -G_MAXINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "chart.move-focus", "i", -G_MAXINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.move-focus", "i", G_MAXINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "chart.move-focus", "i", G_MAXINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "chart.move-page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "chart.move-page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "chart.move-page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "chart.move-page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "chart.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "touches-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tp_touches_chart_init (TpTouchesChart *self)
{
  GtkEventController *controller;

  self->data = tp_chart_data_new ();
  self->mode = TP_CHART_MODE_TOUCHES;
  self->sort = TP_CHART_SORT_TOUCHES;
  self->focus = -1;
  self->hover = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (_tp_touches_chart_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (_tp_touches_chart_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (_tp_touches_chart_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "released", G_CALLBACK (_tp_touches_chart_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (_tp_touches_chart_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_colors (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_new:
 *
 * Creates an empty touches chart.
 *
 * Returns: (transfer floating): the chart
 */
GtkWidget *
tp_touches_chart_new (void)
{
  return g_object_new (TP_TYPE_TOUCHES_CHART, NULL);
}

TpChartMode
tp_touches_chart_get_mode (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), TP_CHART_MODE_TOUCHES);

  return self->mode;
}

void
tp_touches_chart_set_mode (TpTouchesChart *self,
                           TpChartMode     mode)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));
  g_return_if_fail (mode <= TP_CHART_MODE_CHANNELS);

  if (self->mode == mode)
    return;

  self->mode = mode;
  self->focus = -1;
  self->focus_id = 0;
  self->hover = -1;
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

TpChartSort
tp_touches_chart_get_sort (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), TP_CHART_SORT_TOUCHES);

  return self->sort;
}

void
tp_touches_chart_set_sort (TpTouchesChart *self,
                           TpChartSort     sort)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));
  g_return_if_fail (sort <= TP_CHART_SORT_LAST_TOUCH);

  if (self->sort == sort)
    return;

  self->sort = sort;
  _tp_touches_chart_refocus (self);
  if (self->focus >= 0)
    _tp_touches_chart_scroll_to_position (self, self->focus);
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

guint
tp_touches_chart_get_band_low (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), 0);

  return tp_chart_data_get_band (self->data).low;
}

guint
tp_touches_chart_get_band_high (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), 0);

  return tp_chart_data_get_band (self->data).high;
}

/**
 * tp_touches_chart_set_band:
 * @self: a chart
 * @low: the fewest recommended touches
 * @high: the most, at least @low
 *
 * Sets the band that the chart shades, from the settings (5–12 by default).
 */
void
tp_touches_chart_set_band (TpTouchesChart *self,
                           guint           low,
                           guint           high)
{
  TpChartBand old;

  g_return_if_fail (TP_IS_TOUCHES_CHART (self));
  g_return_if_fail (low <= high);

  old = tp_chart_data_get_band (self->data);
  if (old.low == low && old.high == high)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  tp_chart_data_set_band (self->data, low, high);
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
  if (old.low != low)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_LOW]);
  if (old.high != high)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAND_HIGH]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * tp_touches_chart_set_items:
 * @self: a chart
 * @items: (array length=n_items): the customers to chart, already filtered
 * @n_items: the number of @items
 *
 * Replaces the customers of the touches-per-customer view. The focus stays
 * on the same customer if it is still there.
 */
void
tp_touches_chart_set_items (TpTouchesChart    *self,
                            const TpChartItem *items,
                            gsize              n_items)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));
  g_return_if_fail (items != NULL || n_items == 0);

  tp_chart_data_set_items (self->data, items, n_items);
  if (self->mode == TP_CHART_MODE_TOUCHES && self->focus >= 0 &&
      tp_chart_data_find_item (self->data, self->sort, self->focus_id) < 0)
    self->focus = -1;
  _tp_touches_chart_refocus (self);
  self->hover = -1;
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_update_item:
 * @self: a chart
 * @item: a customer, new or changed
 *
 * Updates one customer, for example after a touch was logged: much cheaper
 * than tp_touches_chart_set_items() on a large business.
 */
void
tp_touches_chart_update_item (TpTouchesChart    *self,
                              const TpChartItem *item)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));
  g_return_if_fail (item != NULL);

  tp_chart_data_update_item (self->data, item);
  _tp_touches_chart_refocus (self);
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_remove_item:
 * @self: a chart
 * @customer_id: a customer's id
 *
 * Removes one customer's bar, for example when they no longer pass the
 * filter the chart follows. Like tp_touches_chart_update_item(), it sorts
 * nothing again.
 */
void
tp_touches_chart_remove_item (TpTouchesChart *self,
                              gint64          customer_id)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));

  if (!tp_chart_data_remove_item (self->data, customer_id))
    return;

  if (self->mode == TP_CHART_MODE_TOUCHES && self->focus_id == customer_id)
    {
      self->focus = -1;
      self->focus_id = 0;
    }
  _tp_touches_chart_refocus (self);
  self->hover = -1;
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_set_data:
 * @self: a chart
 * @data: the data to show
 *
 * Shows @data instead of the chart's data: its customers, its histogram and
 * its channels. The chart keeps a reference and does not copy: make @data on
 * a worker thread and tp_chart_data_prepare() it there, then the main
 * thread only swaps it in and draws. From now on change it only through the
 * chart. The chart's band stays; it is set on @data if it differs, which
 * counts the customers again. The focus stays on the same customer if they
 * are still there.
 */
void
tp_touches_chart_set_data (TpTouchesChart *self,
                           TpChartData    *data)
{
  TpChartBand band;

  g_return_if_fail (TP_IS_TOUCHES_CHART (self));
  g_return_if_fail (data != NULL);

  if (self->data == data)
    return;

  band = tp_chart_data_get_band (self->data);
  tp_chart_data_set_band (data, band.low, band.high);

  tp_chart_data_ref (data);
  tp_chart_data_unref (self->data);
  self->data = data;

  if (self->mode == TP_CHART_MODE_TOUCHES && self->focus >= 0 &&
      tp_chart_data_find_item (self->data, self->sort, self->focus_id) < 0)
    self->focus = -1;
  _tp_touches_chart_refocus (self);
  self->hover = -1;
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_get_caption:
 * @self: a chart
 *
 * Returns: (nullable): the sentence that says which customers are shown
 */
const char *
tp_touches_chart_get_caption (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), NULL);

  return self->caption;
}

/**
 * tp_touches_chart_set_caption:
 * @self: a chart
 * @caption: (nullable): a sentence, such as "Showing 12 customers matching
 *   “anna”.", or %NULL
 *
 * Sets #TpTouchesChart:caption, which opens the accessible description.
 */
void
tp_touches_chart_set_caption (TpTouchesChart *self,
                              const char     *caption)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));

  if (g_strcmp0 (self->caption, caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);

  _tp_touches_chart_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/**
 * tp_touches_chart_set_purchase_histogram:
 * @self: a chart
 * @counts: (array length=n_counts): @counts[k] customers first bought after k touches
 * @n_counts: the number of @counts
 *
 * Sets the input of the "touches before first purchase" view.
 */
void
tp_touches_chart_set_purchase_histogram (TpTouchesChart *self,
                                         const guint    *counts,
                                         gsize           n_counts)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));

  tp_chart_data_set_purchase_histogram (self->data, counts, n_counts);
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_set_channels:
 * @self: a chart
 * @channels: (array length=n_channels): touches before first purchases per channel
 * @n_channels: the number of @channels
 *
 * Sets the input of the "first-purchase channels" view.
 */
void
tp_touches_chart_set_channels (TpTouchesChart            *self,
                               const TpChartChannelCount *channels,
                               gsize                      n_channels)
{
  g_return_if_fail (TP_IS_TOUCHES_CHART (self));

  tp_chart_data_set_channels (self->data, channels, n_channels);
  invalidate_content (self);
  _tp_touches_chart_update_accessible (self);
}

/**
 * tp_touches_chart_get_data:
 * @self: a chart
 *
 * Returns: (transfer none): the chart's prepared data, to read
 */
TpChartData *
tp_touches_chart_get_data (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), NULL);

  return self->data;
}

/**
 * tp_touches_chart_get_layout:
 * @self: a chart
 *
 * Gets the layout of the current frame, laying it out if needed: what is
 * painted, and what hover and clicks are tested against.
 *
 * Returns: (transfer none): the layout, valid until the chart changes
 */
const TpChartLayout *
tp_touches_chart_get_layout (TpTouchesChart *self)
{
  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), NULL);

  return _tp_touches_chart_ensure_layout (self);
}

/**
 * tp_touches_chart_get_customer_at:
 * @self: a chart
 * @x: a point's x, in the widget's coordinates
 * @y: its y
 *
 * Returns: the id of the customer whose bar's column holds the point, or 0
 */
gint64
tp_touches_chart_get_customer_at (TpTouchesChart *self,
                                  double          x,
                                  double          y)
{
  const TpChartBar *bar;

  g_return_val_if_fail (TP_IS_TOUCHES_CHART (self), 0);

  bar = tp_chart_layout_hit_test (_tp_touches_chart_ensure_layout (self), x, y);

  return bar != NULL ? bar->customer_id : 0;
}
