/* tp-brand-section.c
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

#define G_LOG_DOMAIN "tp-brand-section"

#include "config.h"

#include "tp-brand-section.h"
#include "tp-form.h"
#include "tp-marketing-util.h"
#include "tp-read-only-private.h"
#include "tp-text-area.h"
#include "tp-text-chips.h"

/*
 * TpBrandSection edits the one brand of the business: its name, the
 * personality words (chips), the words friends use, the positioning
 * statement, the differentiators and the tagline, each with a line that
 * teaches how to fill it in. Everything saves as it is typed.
 *
 * Action: brand.add-word (Ctrl+N through the page) puts the cursor in
 * the entry for a new personality word.
 */

struct _TpBrandSection
{
  GtkWidget    parent_instance;

  AdwEntryRow *business_name_row;
  TpWordChips *chips;
  TpTextChips *friends_words_chips;
  TpTextArea  *positioning_area;
  TpTextArea  *differentiators_area;
  AdwEntryRow *tagline_row;
  GtkLabel    *error_label;

  TpStore     *store;
  TpForm      *form;
};

G_DEFINE_FINAL_TYPE (TpBrandSection, tp_brand_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_word_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TpBrandSection *self = TP_BRAND_SECTION (widget);

  gtk_widget_grab_focus (GTK_WIDGET (tp_word_chips_get_entry (self->chips)));
}

TpStore *
tp_brand_section_get_store (TpBrandSection *self)
{
  g_return_val_if_fail (TP_IS_BRAND_SECTION (self), NULL);

  return self->store;
}

void
tp_brand_section_set_store (TpBrandSection *self,
                            TpStore        *store)
{
  g_autoptr(TpBrand) brand = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TP_IS_BRAND_SECTION (self));
  g_return_if_fail (store == NULL || TP_IS_STORE (store));

  if (self->store == store)
    return;

  tp_form_set_object (self->form, NULL);
  g_set_object (&self->store, store);
  tp_form_set_store (self->form, store);
  tp_word_chips_set_store (self->chips, store);
  /* A role that may only read adds and removes no word */
  _tp_field_set_read_only (GTK_WIDGET (self->chips), store != NULL && !_tp_store_can_write (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "brand.add-word",
                                 store == NULL || _tp_store_can_write (store));

  if (store != NULL)
    {
      brand = tp_store_get_brand (store, &error);
      if (brand == NULL)
        {
          g_autofree char *text = _tp_marketing_error_text (error);

          gtk_label_set_text (self->error_label, text);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
    }

  tp_form_set_object (self->form, G_OBJECT (brand));
  gtk_widget_set_sensitive (GTK_WIDGET (self), brand != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tp_brand_section_get_chips:
 * @self: a #TpBrandSection
 *
 * Returns: (transfer none): the personality words
 */
TpWordChips *
tp_brand_section_get_chips (TpBrandSection *self)
{
  g_return_val_if_fail (TP_IS_BRAND_SECTION (self), NULL);

  return self->chips;
}

/**
 * tp_brand_section_flush:
 * @self: a #TpBrandSection
 *
 * Saves now what is being typed.
 *
 * Returns: %FALSE when it could not be saved
 */
gboolean
tp_brand_section_flush (TpBrandSection *self)
{
  g_return_val_if_fail (TP_IS_BRAND_SECTION (self), FALSE);

  return tp_form_flush (self->form);
}

static void
tp_brand_section_unmap (GtkWidget *widget)
{
  tp_brand_section_flush (TP_BRAND_SECTION (widget));

  GTK_WIDGET_CLASS (tp_brand_section_parent_class)->unmap (widget);
}

static void
tp_brand_section_dispose (GObject *object)
{
  TpBrandSection *self = TP_BRAND_SECTION (object);
  GtkWidget *child;

  if (self->form != NULL)
    tp_form_flush (self->form);
  g_clear_object (&self->form);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_BRAND_SECTION);

  /* The template's box is not a bound child: take it away too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (tp_brand_section_parent_class)->dispose (object);
}

static void
tp_brand_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpBrandSection *self = TP_BRAND_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_brand_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpBrandSection *self = TP_BRAND_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tp_brand_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_brand_section_class_init (TpBrandSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_brand_section_dispose;
  object_class->get_property = tp_brand_section_get_property;
  object_class->set_property = tp_brand_section_set_property;

  widget_class->unmap = tp_brand_section_unmap;

  /**
   * TpBrandSection:store:
   *
   * The store whose brand shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TP_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/tp-brand-section.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, business_name_row);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, chips);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, friends_words_chips);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, positioning_area);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, differentiators_area);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, tagline_row);
  gtk_widget_class_bind_template_child (widget_class, TpBrandSection, error_label);

  gtk_widget_class_install_action (widget_class, "brand.add-word", NULL, add_word_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_brand_section_init (TpBrandSection *self)
{
  g_type_ensure (TP_TYPE_TEXT_AREA);
  g_type_ensure (TP_TYPE_TEXT_CHIPS);
  g_type_ensure (TP_TYPE_WORD_CHIPS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = tp_form_new ();
  tp_form_set_error_label (self->form, self->error_label);
  tp_form_add_field (self->form, GTK_WIDGET (self->business_name_row), "text", "business-name", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->friends_words_chips), "text", "friends-words", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->positioning_area), "text", "positioning", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->differentiators_area), "text",
                     "differentiators", NULL);
  tp_form_add_field (self->form, GTK_WIDGET (self->tagline_row), "text", "tagline", NULL);
}
