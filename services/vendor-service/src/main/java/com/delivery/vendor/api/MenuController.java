package com.delivery.vendor.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.vendor.app.InventoryService;
import com.delivery.vendor.app.MenuService;
import com.delivery.vendor.app.MenuView;
import com.delivery.vendor.app.StockView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vendors/{vendorId}")
@Tag(name = "Menus and inventory")
class MenuController {

    private final MenuService menu;
    private final InventoryService inventory;

    MenuController(MenuService menu, InventoryService inventory) {
        this.menu = menu;
        this.inventory = inventory;
    }

    @GetMapping("/menu")
    @Operation(summary = "The menu by section (cached 10 min, evicted on every change)")
    MenuResponse menu(@PathVariable UUID vendorId, CurrentUser user) {
        return MenuResponse.of(menu.menu(vendorId, user));
    }

    @PostMapping("/menu")
    @Operation(summary = "Add a menu item with options and, optionally, tracked stock (owner or admin)")
    ResponseEntity<MenuView.Item> add(@PathVariable UUID vendorId, @Valid @RequestBody MenuItemRequest request,
            CurrentUser user) {
        MenuView.Item item = menu.add(vendorId, user, request.toDetails(), request.stock(), request.lowStockThreshold());
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + vendorId + "/menu/" + item.id())).body(item);
    }

    @GetMapping("/menu/{itemId}")
    MenuView.Item item(@PathVariable UUID vendorId, @PathVariable UUID itemId, CurrentUser user) {
        return menu.item(vendorId, itemId, user);
    }

    @PutMapping("/menu/{itemId}")
    @Operation(summary = "Replace a menu item; options sent with their id keep it (owner or admin)")
    MenuView.Item update(@PathVariable UUID vendorId, @PathVariable UUID itemId,
            @Valid @RequestBody MenuItemRequest request, CurrentUser user) {
        return menu.update(vendorId, itemId, user, request.toDetails());
    }

    @DeleteMapping("/menu/{itemId}")
    ResponseEntity<Void> delete(@PathVariable UUID vendorId, @PathVariable UUID itemId, CurrentUser user) {
        menu.delete(vendorId, itemId, user);
        return ResponseEntity.noContent().build();
    }

    /**
     * @param operation SET (the count now), RESTOCK (add to it) or UNTRACK (made to order from now on); SET if absent
     */
    record StockRequest(InventoryService.Operation operation, @PositiveOrZero Integer quantity,
            @PositiveOrZero Integer lowStockThreshold) {
    }

    @PostMapping("/menu/{itemId}/inventory")
    @Operation(summary = "Set, restock or untrack an item's stock (owner or admin); low/out-of-stock events on crossings")
    StockView changeStock(@PathVariable UUID vendorId, @PathVariable UUID itemId,
            @Valid @RequestBody StockRequest request, CurrentUser user) {
        return inventory.change(vendorId, itemId, user,
                request.operation() == null ? InventoryService.Operation.SET : request.operation(), request.quantity(),
                request.lowStockThreshold());
    }

    @GetMapping("/menu/{itemId}/inventory")
    StockView stock(@PathVariable UUID vendorId, @PathVariable UUID itemId, CurrentUser user) {
        return inventory.get(vendorId, itemId, user);
    }

    @GetMapping("/inventory")
    @Operation(summary = "Stock of every tracked item (owner or admin)")
    List<StockView> allStock(@PathVariable UUID vendorId, CurrentUser user) {
        return inventory.all(vendorId, user);
    }
}
