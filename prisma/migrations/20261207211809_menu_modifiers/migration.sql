-- AlterTable
ALTER TABLE "order_items" ADD COLUMN     "modifiers" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "modifier_groups" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "menu_item_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "min_choices" INTEGER NOT NULL DEFAULT 0,
    "max_choices" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "modifier_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "modifier_options" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "price_delta" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "effects" JSONB NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "modifier_options_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "modifier_groups_tenant_id_idx" ON "modifier_groups"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "modifier_groups_menu_item_id_name_key" ON "modifier_groups"("menu_item_id", "name");

-- CreateIndex
CREATE INDEX "modifier_options_tenant_id_idx" ON "modifier_options"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "modifier_options_group_id_name_key" ON "modifier_options"("group_id", "name");

-- AddForeignKey
ALTER TABLE "modifier_groups" ADD CONSTRAINT "modifier_groups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modifier_groups" ADD CONSTRAINT "modifier_groups_menu_item_id_fkey" FOREIGN KEY ("menu_item_id") REFERENCES "menu_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modifier_options" ADD CONSTRAINT "modifier_options_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modifier_options" ADD CONSTRAINT "modifier_options_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "modifier_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- db/sql/inventory_deduct_item.sql
-- Deducts an order item's ingredients (quantity x recipe, as its ordered modifiers change it:
-- each SCALE_INGREDIENT multiplies a portion's quantity, each ADD_INGREDIENT adds to it) exactly
-- once, and switches off the menu items the moved stock can no longer make. NULL when the item does not exist; a cancelled
-- item takes nothing. `movements` counts the item's deduction movements, whichever call wrote them.
CREATE OR REPLACE FUNCTION inventory_deduct_item(p_tenant uuid, p_item uuid)
RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item record;
  v_prefix text := 'deduct:' || p_item::text || ':';
  v_inventory uuid[];
  v_quantity numeric[];
  v_effect jsonb;
  v_at int;
  v_moved jsonb := '[]';
  v_unavailable jsonb := '[]';
BEGIN
  SELECT oi.order_id, oi.quantity, oi.menu_item_id, oi.status::text AS status, oi.modifiers INTO v_item
  FROM order_items oi WHERE oi.id = p_item AND oi.tenant_id = p_tenant;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT coalesce(array_agg(ri.inventory_item_id ORDER BY ri.inventory_item_id), '{}'),
         coalesce(array_agg(ri.quantity ORDER BY ri.inventory_item_id), '{}')
  INTO v_inventory, v_quantity
  FROM recipe_ingredients ri WHERE ri.tenant_id = p_tenant AND ri.menu_item_id = v_item.menu_item_id;

  -- Per portion: scales first, then additions (an added ingredient the recipe lacks joins the list).
  FOR v_effect IN SELECT e FROM jsonb_array_elements(coalesce(v_item.modifiers, '[]')) m, jsonb_array_elements(m->'effects') e
                  WHERE e->>'kind' = 'SCALE_INGREDIENT' LOOP
    v_at := array_position(v_inventory, (v_effect->>'inventoryItemId')::uuid);
    IF v_at IS NOT NULL THEN v_quantity[v_at] := v_quantity[v_at] * (v_effect->>'factor')::numeric; END IF;
  END LOOP;
  FOR v_effect IN SELECT e FROM jsonb_array_elements(coalesce(v_item.modifiers, '[]')) m, jsonb_array_elements(m->'effects') e
                  WHERE e->>'kind' = 'ADD_INGREDIENT' LOOP
    v_at := array_position(v_inventory, (v_effect->>'inventoryItemId')::uuid);
    IF v_at IS NULL THEN
      v_inventory := v_inventory || (v_effect->>'inventoryItemId')::uuid;
      v_quantity := v_quantity || (v_effect->>'quantity')::numeric;
    ELSE
      v_quantity[v_at] := v_quantity[v_at] + (v_effect->>'quantity')::numeric;
    END IF;
  END LOOP;
  -- Nothing left of an ingredient ("no cheese"): no movement; the rest in ingredient order (no deadlocks), as deductions.
  SELECT coalesce(array_agg(x.inv ORDER BY x.inv), '{}'), coalesce(array_agg(-round(x.q * v_item.quantity, 3) ORDER BY x.inv), '{}')
  INTO v_inventory, v_quantity
  FROM unnest(v_inventory, v_quantity) AS x(inv, q) WHERE x.q > 0;

  IF v_item.status <> 'CANCELLED' THEN
    SELECT coalesce(jsonb_agg(to_jsonb(m)), '[]') INTO v_moved
    FROM inventory_apply_movements(p_tenant, v_item.order_id, 'order_deduction', v_prefix, v_inventory, v_quantity) m;
    SELECT coalesce(jsonb_agg(jsonb_build_object('menuItemId', o.menu_item_id, 'ingredient', o.ingredient)), '[]') INTO v_unavailable
    FROM inventory_mark_out_of_stock(p_tenant, ARRAY(SELECT (e->>'id')::uuid FROM jsonb_array_elements(v_moved) e)) o;
  END IF;

  -- Counted by exact key (the unique index answers it) over the recipe's ingredients.
  RETURN jsonb_build_object(
    'moved', v_moved,
    'unavailable', v_unavailable,
    'movements', (SELECT count(*) FROM inventory_movements
                  WHERE tenant_id = p_tenant
                    AND idempotency_key = ANY(ARRAY(SELECT v_prefix || inv::text FROM unnest(v_inventory) AS inv))));
END $$;
