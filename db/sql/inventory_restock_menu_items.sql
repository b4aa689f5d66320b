-- The inverse once stock came back: items switched off for one of these ingredients (and only
-- those: an item switched off by hand keeps its reason) that can make a unit again.
CREATE OR REPLACE FUNCTION inventory_restock_menu_items(p_tenant uuid, p_inventory uuid[])
RETURNS TABLE (menu_item_id text)
LANGUAGE sql VOLATILE AS $$
  UPDATE menu_items m SET is_available = true, unavailable_reason = NULL, updated_at = now()
  WHERE m.tenant_id = p_tenant AND m.is_active AND NOT m.is_available
    AND m.unavailable_reason IN (
      SELECT 'Out of ' || name FROM inventory_items WHERE tenant_id = p_tenant AND id = ANY(p_inventory))
    AND NOT EXISTS (
      SELECT 1 FROM recipe_ingredients ri JOIN inventory_items ii ON ii.id = ri.inventory_item_id AND ii.tenant_id = ri.tenant_id
      WHERE ri.menu_item_id = m.id AND ri.tenant_id = m.tenant_id AND ri.quantity > 0 AND ii.current_stock < ri.quantity)
  RETURNING m.id::text
$$;
