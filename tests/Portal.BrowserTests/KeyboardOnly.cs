using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// Moving through a page as a keyboard user does: Tab from one stop to the next (never a click), with the focus visible
/// at every stop, and arrow keys within a group of radio buttons.
/// </summary>
public static class KeyboardOnly
{
    /// <summary>
    /// The focused element's name as a person hears it (its label, or its text), whether its focus can be seen, and the
    /// text of the card it sits in.
    /// </summary>
    private const string Focused = """
        () => {
            const element = document.activeElement;
            if (!element || element === document.body) return { name: '', visible: true, card: '' };
            const label = element.getAttribute('aria-label') || (element.labels && element.labels.length ? element.labels[0].innerText : '');
            const name = (label || element.innerText || element.value || '').replace(/\s+/g, ' ').trim();
            const style = getComputedStyle(element);
            // A design-system radio or checkbox draws its focus ring on its label; the browser still marks the input.
            const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
            const visible = element.matches(':focus-visible') && (ring || element.matches('input[type=radio], input[type=checkbox]'));
            return { name, visible, card: element.closest('.card')?.innerText ?? '' };
        }
        """;

    /// <summary>Tabs forward until an element whose name starts with <paramref name="name"/> has the focus.</summary>
    /// <param name="inCard">Only an element inside the card with this text (the same link is on each child's card).</param>
    public static async Task TabToAsync(IPage page, string name, string? inCard = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var passed = new List<string>();
        for (var stop = 0; stop < 120; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusedElement>(Focused);
            Assert.True(focused.Visible, $"No visible focus on \"{focused.Name}\" at {page.Url}");
            if (focused.Name.StartsWith(name, StringComparison.Ordinal) && (inCard is null || focused.Card.Contains(inCard, StringComparison.Ordinal)))
            {
                return;
            }

            passed.Add(focused.Name);
        }

        Assert.Fail($"\"{name}\" was not reached with Tab at {page.Url}; the stops were: {string.Join(" | ", passed.Distinct())}");
    }

    /// <summary>Within a radio group that has the focus, arrows down to the option named <paramref name="name"/> (which checks it).</summary>
    public static async Task ArrowToAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var step = 0; step < 20; step++)
        {
            if ((await page.EvaluateAsync<FocusedElement>(Focused)).Name == name)
            {
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Fail($"The option \"{name}\" was not reached with the arrow keys at {page.Url}");
    }

    /// <summary>Presses Enter on the focused link or button and waits for the page it leads to.</summary>
    public static async Task EnterAndWaitAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // The page that comes back (after any redirect) is the one that answers 200.
        await page.RunAndWaitForResponseAsync(
            () => page.Keyboard.PressAsync("Enter"),
            response => response.Request.IsNavigationRequest && response.Frame == page.MainFrame && response.Status == 200);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.Locator("main h1").First.WaitForAsync();
    }

    private sealed class FocusedElement
    {
        public string Name { get; set; } = string.Empty;

        public bool Visible { get; set; }

        public string Card { get; set; } = string.Empty;
    }
}
